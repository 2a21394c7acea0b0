package io.millrace.spec.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlanPrinterTest {

  @Test
  void rendersChainsKeyGroupsAndEdgesWithPartitioning() {
    String text = new PlanPrinter().print(new PhysicalPlanner().plan(PhysicalPlannerTest.wordCount()));

    assertThat(text).isEqualTo("""
        plan word-count  (planVersion 1, maxParallelism 128, 2 chains, 4 subtasks)

        chains:
          [lines] lines (kafka-source) -> words (flat-map)   parallelism 2
          [counts] counts (window-aggregate) -> frequent (filter) -> out (kafka-sink)   parallelism 2, keyed
              key groups: #0 0..63, #1 64..127

        edges:
          words --HASH(value.lowerAscii())--> counts   [lines] -> [counts]
        """);
  }
}
