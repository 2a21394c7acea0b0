package io.millrace.controlplane.pipeline.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Provide
    Arbitrary<List<String>> lines() {
        // A small alphabet so that the two texts share lines often (the interesting case).
        return Arbitraries.of("a", "b", "c", "d", "").list().ofMaxSize(25);
    }

    @Property(tries = 500)
    void theEditsRebuildBothTexts(@ForAll("lines") List<String> a, @ForAll("lines") List<String> b) {
        List<Edit> edits = LineDiff.between(a, b);
        List<String> old = new ArrayList<>();
        List<String> next = new ArrayList<>();
        for (Edit e : edits) {
            if (e.op() != Edit.Op.INSERT) {
                old.add(e.line());
            }
            if (e.op() != Edit.Op.DELETE) {
                next.add(e.line());
            }
        }
        assertThat(old).isEqualTo(a);
        assertThat(next).isEqualTo(b);
    }

    @Property(tries = 500)
    void theScriptIsShortest(@ForAll("lines") List<String> a, @ForAll("lines") List<String> b) {
        long changes = LineDiff.between(a, b).stream().filter(e -> e.op() != Edit.Op.KEEP).count();
        assertThat(changes).isEqualTo(a.size() + b.size() - 2L * lcs(a, b));
    }

    @Test
    void identicalAndEmptyTexts() {
        assertThat(LineDiff.between(List.of("x", "y"), List.of("x", "y")))
                .allMatch(e -> e.op() == Edit.Op.KEEP).hasSize(2);
        assertThat(LineDiff.between(List.of(), List.of())).isEmpty();
        assertThat(LineDiff.between(List.of(), List.of("x"))).containsExactly(new Edit(Edit.Op.INSERT, "x"));
        assertThat(LineDiff.between(List.of("x"), List.of())).containsExactly(new Edit(Edit.Op.DELETE, "x"));
    }

    /** Longest common subsequence by dynamic programming: the reference for minimality. */
    private static int lcs(List<String> a, List<String> b) {
        int[][] table = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                table[i][j] = a.get(i).equals(b.get(j)) ? table[i + 1][j + 1] + 1
                        : Math.max(table[i + 1][j], table[i][j + 1]);
            }
        }
        return table[0][0];
    }
}
