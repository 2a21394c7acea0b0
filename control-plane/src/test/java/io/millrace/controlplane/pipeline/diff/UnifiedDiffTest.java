package io.millrace.controlplane.pipeline.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    @Test
    void oneChangedLineWithContextLikeDiffU() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\n";
        String after = "a\nb\nc\nd\nE\nf\ng\nh\n";
        assertThat(UnifiedDiff.of("p@1", before, "p@2", after, 3)).isEqualTo("""
                --- p@1
                +++ p@2
                @@ -2,7 +2,7 @@
                 b
                 c
                 d
                -e
                +E
                 f
                 g
                 h
                """);
    }

    @Test
    void distantChangesMakeTwoHunksAndInsertionsCountRight() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
        String after = "0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n";
        assertThat(UnifiedDiff.of("a", before, "b", after, 1)).isEqualTo("""
                --- a
                +++ b
                @@ -1 +1,2 @@
                +0
                 1
                @@ -11,2 +12 @@
                 11
                -12
                """);
    }

    @Test
    void equalTextsHaveNoDiff() {
        assertThat(UnifiedDiff.of("a", "x\ny\n", "b", "x\ny\n", 3)).isEmpty();
    }
}
