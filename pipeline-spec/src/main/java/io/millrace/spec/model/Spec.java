package io.millrace.spec.model;

import java.util.List;
import java.util.Optional;

/** Execution settings and the node graph, with every default applied. */
public record Spec(
    int parallelism,
    int maxParallelism,
    CheckpointingSpec checkpointing,
    RestartStrategySpec restartStrategy,
    List<NodeSpec> nodes) {

  public Spec {
    nodes = List.copyOf(nodes);
  }

  public Optional<NodeSpec> node(String id) {
    return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
  }

  /** The parallelism a node runs with: its own, or the pipeline's. */
  public int parallelismOf(NodeSpec node) {
    return node.parallelism().orElse(parallelism);
  }
}
