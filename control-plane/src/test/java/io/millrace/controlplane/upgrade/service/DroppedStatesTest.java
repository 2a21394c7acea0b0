package io.millrace.controlplane.upgrade.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.controlplane.job.service.DroppedStateRef;
import io.millrace.controlplane.upgrade.UpgradeTestSpecs;
import io.millrace.spec.compile.SpecCompiler;
import io.millrace.spec.model.PipelineSpec;
import io.millrace.spec.parse.Format;
import io.millrace.spec.statediff.Change;
import io.millrace.spec.statediff.StateDiff;
import io.millrace.spec.statediff.StateDiffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The states passed down to the workers, from real state diffs of real specs. */
class DroppedStatesTest {

    private static final SpecCompiler COMPILER = SpecCompiler.standard();
    private static final StateDiffer DIFFER = StateDiffer.standard();

    private static String spec(String filter, String windowId, String windowSize, int maxParallelism) {
        return UpgradeTestSpecs.spec(filter, windowId, windowSize, maxParallelism);
    }

    private static PipelineSpec parse(String text) {
        var result = COMPILER.compile(text, Format.YAML);
        assertThat(result.validation().errors()).as("the test spec is valid").isEmpty();
        return result.validation().pipeline().orElseThrow();
    }

    private static List<DroppedStateRef> dropped(String from, String to) {
        PipelineSpec a = parse(from);
        PipelineSpec b = parse(to);
        StateDiff diff = DIFFER.diff(a, b);
        return DroppedStates.of(diff, a, b);
    }

    @Test
    void aChangedFilterDropsNothing() {
        PipelineSpec a = parse(spec("value.id >= 0", "windowed", "1s", 128));
        PipelineSpec b = parse(spec("value.id % 2 == 0", "windowed", "1s", 128));
        StateDiff diff = DIFFER.diff(a, b);
        assertThat(diff.dropsState()).isFalse();
        assertThat(diff.node("running").orElseThrow().change()).isEqualTo(Change.KEPT);
        assertThat(DroppedStates.of(diff, a, b)).isEmpty();
    }

    @Test
    void aRenamedWindowDropsTheOldNodeWhole() {
        assertThat(dropped(spec("value.id >= 0", "windowed", "1s", 128), spec("value.id >= 0", "windowed2", "1s", 128)))
                .containsExactly(DroppedStateRef.wholeNode("windowed"));
    }

    @Test
    void aResizedWindowDropsOnlyTheStatesWhoseLayoutChanged() {
        List<DroppedStateRef> dropped = dropped(spec("value.id >= 0", "windowed", "1s", 128),
                spec("value.id >= 0", "windowed", "5s", 128));
        assertThat(dropped).isNotEmpty().allSatisfy(d -> {
            assertThat(d.nodeId()).isEqualTo("windowed");
            assertThat(d.stateName()).as("a named state, not the whole node").isNotEmpty();
        });
        assertThat(dropped).extracting(DroppedStateRef::stateName).doesNotContain("watermark");
    }

    @Test
    void aChangedMaxParallelismDropsEveryKeyedState() {
        List<DroppedStateRef> dropped = dropped(spec("value.id >= 0", "windowed", "1s", 128),
                spec("value.id >= 0", "windowed", "1s", 64));
        assertThat(dropped).extracting(DroppedStateRef::nodeId).contains("running", "windowed");
        assertThat(dropped).contains(new DroppedStateRef("running", "count"));
    }
}
