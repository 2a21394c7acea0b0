package io.millrace.spec.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhysicalPlannerTest {

  final PhysicalPlanner planner = new PhysicalPlanner();

  static JobVertex vertex(String id, String kind, int parallelism, boolean keyed) {
    return new JobVertex(id, kind, parallelism, keyed, Map.of());
  }

  /** Word count: lines → words → (hash) counts → frequent → out. */
  static JobGraph wordCount() {
    return new JobGraph("word-count", 128,
        List.of(vertex("lines", "kafka-source", 2, false),
            vertex("words", "flat-map", 2, false),
            vertex("counts", "window-aggregate", 2, true),
            vertex("frequent", "filter", 2, false),
            vertex("out", "kafka-sink", 2, false)),
        List.of(JobEdge.of("lines", "words", 0, Partitioning.FORWARD),
            JobEdge.hash("words", "counts", 0, "value.lowerAscii()"),
            JobEdge.of("counts", "frequent", 0, Partitioning.FORWARD),
            JobEdge.of("frequent", "out", 0, Partitioning.FORWARD)));
  }

  @Test
  void forwardEdgesWithEqualParallelismAreChainedAndHashEdgesAreNot() {
    PhysicalPlan plan = planner.plan(wordCount());

    assertThat(plan.chains()).extracting(OperatorChain::vertices).containsExactly(
        List.of("lines", "words"), List.of("counts", "frequent", "out"));
    assertThat(plan.chainEdges()).singleElement().satisfies(edge -> {
      assertThat(edge.sourceChain()).isEqualTo("lines");
      assertThat(edge.targetChain()).isEqualTo("counts");
      assertThat(edge.edge().partitioning()).isEqualTo(Partitioning.HASH);
      assertThat(edge.edge().keyExpression()).isEqualTo("value.lowerAscii()");
    });
    assertThat(plan.planVersion()).isEqualTo(PhysicalPlan.CURRENT_VERSION);
  }

  @Test
  void keyedChainsGetKeyGroupRangesPerSubtaskAndOthersNone() {
    PhysicalPlan plan = planner.plan(wordCount());

    assertThat(plan.subtasks()).containsExactly(
        new Subtask("lines", 0, null), new Subtask("lines", 1, null),
        new Subtask("counts", 0, new KeyGroupRange(0, 63)),
        new Subtask("counts", 1, new KeyGroupRange(64, 127)));
    assertThat(plan.chain("counts").keyed()).isTrue();
    assertThat(plan.chain("lines").keyed()).isFalse();
  }

  @Test
  void differentParallelismBreaksTheChain() {
    JobGraph graph = new JobGraph("g", 128,
        List.of(vertex("src", "datagen-source", 1, false), vertex("map", "map", 4, false)),
        List.of(JobEdge.of("src", "map", 0, Partitioning.REBALANCE)));

    PhysicalPlan plan = planner.plan(graph);

    assertThat(plan.chains()).hasSize(2);
    assertThat(plan.subtasks()).filteredOn(s -> s.chain().equals("map")).hasSize(4);
  }

  @Test
  void aVertexWithTwoInputsStartsItsOwnChain() {
    JobGraph graph = new JobGraph("g", 128,
        List.of(vertex("a", "kafka-source", 1, false), vertex("b", "kafka-source", 1, false),
            vertex("u", "union", 1, false), vertex("out", "kafka-sink", 1, false)),
        List.of(JobEdge.of("a", "u", 0, Partitioning.FORWARD),
            JobEdge.of("b", "u", 1, Partitioning.FORWARD),
            JobEdge.of("u", "out", 0, Partitioning.FORWARD)));

    PhysicalPlan plan = planner.plan(graph);

    assertThat(plan.chains()).extracting(OperatorChain::vertices)
        .containsExactly(List.of("a"), List.of("b"), List.of("u", "out"));
  }

  @Test
  void sideOutputsNeverChainAndFanOutEndsTheChain() {
    JobGraph graph = new JobGraph("g", 128,
        List.of(vertex("src", "kafka-source", 1, false), vertex("f", "filter", 1, false),
            vertex("dlq", "kafka-sink", 1, false), vertex("s1", "kafka-sink", 1, false),
            vertex("s2", "kafka-sink", 1, false)),
        List.of(JobEdge.of("src", "f", 0, Partitioning.FORWARD),
            new JobEdge("f", JobEdge.DEAD_LETTER, "dlq", 0, Partitioning.FORWARD, null),
            JobEdge.of("f", "s1", 0, Partitioning.FORWARD),
            JobEdge.of("f", "s2", 0, Partitioning.FORWARD)));

    PhysicalPlan plan = planner.plan(graph);

    assertThat(plan.chains()).extracting(OperatorChain::vertices).containsExactly(
        List.of("src", "f"), List.of("dlq"), List.of("s1"), List.of("s2"));
    assertThat(plan.chainEdges()).extracting(e -> e.edge().sourceOutput())
        .containsExactly(JobEdge.DEAD_LETTER, JobEdge.MAIN, JobEdge.MAIN);
  }

  @Test
  void singleMainConsumerChainsEvenWhenASideOutputIsUsed() {
    JobGraph graph = new JobGraph("g", 128,
        List.of(vertex("src", "kafka-source", 1, false), vertex("m", "map", 1, false),
            vertex("out", "kafka-sink", 1, false), vertex("dlq", "kafka-sink", 1, false)),
        List.of(JobEdge.of("src", "m", 0, Partitioning.FORWARD),
            JobEdge.of("m", "out", 0, Partitioning.FORWARD),
            new JobEdge("m", JobEdge.DEAD_LETTER, "dlq", 0, Partitioning.FORWARD, null)));

    assertThat(planner.plan(graph).chains()).extracting(OperatorChain::vertices)
        .containsExactly(List.of("src", "m", "out"), List.of("dlq"));
  }

  @Test
  void graphRejectsBrokenInvariants() {
    assertThatThrownBy(() -> new JobGraph("g", 128,
        List.of(vertex("a", "x", 1, false), vertex("a", "x", 1, false)), List.of()))
        .hasMessageContaining("duplicate vertex id a");
    assertThatThrownBy(() -> new JobGraph("g", 4, List.of(vertex("a", "x", 8, false)), List.of()))
        .hasMessageContaining("exceeds maxParallelism");
    assertThatThrownBy(() -> new JobGraph("g", 128,
        List.of(vertex("a", "x", 1, false), vertex("b", "x", 2, false)),
        List.of(JobEdge.of("a", "b", 0, Partitioning.FORWARD))))
        .hasMessageContaining("FORWARD needs equal parallelism");
    assertThatThrownBy(() -> JobEdge.of("a", "b", 0, Partitioning.HASH))
        .hasMessageContaining("key expression");
    JobGraph cyclic = new JobGraph("g", 128,
        List.of(vertex("a", "x", 1, false), vertex("b", "x", 1, false)),
        List.of(JobEdge.of("a", "b", 0, Partitioning.FORWARD), JobEdge.of("b", "a", 0, Partitioning.FORWARD)));
    assertThatThrownBy(() -> planner.plan(cyclic)).hasMessageContaining("cycle");
  }
}
