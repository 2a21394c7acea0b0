package io.millrace.controlplane.job.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.spec.parse.Format;
import io.millrace.spec.plan.PhysicalPlan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpecPlannerTest {

    static String spec(String name) throws IOException {
        try (InputStream in = SpecPlannerTest.class.getResourceAsStream("/specs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private final SpecPlanner planner = new SpecPlanner();

    @Test
    void plansTheSpecAtItsOwnParallelism() throws IOException {
        PhysicalPlan plan = planner.plan(spec("keyed-count.yaml"), Format.YAML, null).plan();
        assertThat(plan.chains()).extracting(c -> c.id()).containsExactly("bids", "count");
        assertThat(plan.subtasks()).hasSize(4);
    }

    @Test
    void anOverrideReplansEveryNodeWithoutItsOwnParallelism() throws IOException {
        PhysicalPlan plan = planner.plan(spec("keyed-count.yaml"), Format.YAML, 3).plan();
        assertThat(plan.subtasks()).hasSize(6);
        assertThat(plan.chain("count").parallelism()).isEqualTo(3);
        // Key groups are re-divided over the new parallelism: 16 groups over 3 subtasks.
        assertThat(plan.subtasks().stream().filter(s -> s.chain().equals("count")).map(s -> s.keyGroups()))
                .allSatisfy(range -> assertThat(range).isNotNull());
    }

    @Test
    void aParallelismAboveMaxParallelismIsRefusedWithTheLimit() {
        assertThatThrownBy(() -> planner.plan(spec("keyed-count.yaml"), Format.YAML, 17))
                .isInstanceOf(JobOperationException.class)
                .hasMessage("parallelism 17 is outside 1..16 (the spec's maxParallelism; key groups cannot be split"
                        + " further)");
    }

    @Test
    void anInvalidSpecIsRefusedWithItsLocatedErrors() {
        assertThatThrownBy(() -> planner.plan("apiVersion: millrace.io/v1\nkind: Pipeline\nmetadata: {name: x}\n"
                + "spec:\n  nodes:\n    - {id: a, type: no-such-kind}\n", Format.YAML, null))
                .isInstanceOf(JobOperationException.class)
                .hasMessageStartingWith("the spec is not valid: spec:")
                .hasMessageContaining("no-such-kind");
    }

    @Test
    void theFormatIsGuessedFromTheFirstCharacterUnlessDeclared() {
        assertThat(SpecPlanner.formatOf("  {\"apiVersion\": 1}", null)).isEqualTo(Format.JSON);
        assertThat(SpecPlanner.formatOf("apiVersion: x", null)).isEqualTo(Format.YAML);
        assertThat(SpecPlanner.formatOf("{}", Format.YAML)).isEqualTo(Format.YAML);
    }
}
