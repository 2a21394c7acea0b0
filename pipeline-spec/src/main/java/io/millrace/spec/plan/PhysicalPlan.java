package io.millrace.spec.plan;

import java.util.List;
import java.util.Objects;

/**
 * What the workers run: the job graph, its operator chains, the edges between chains and every
 * subtask with its key groups. Serialized by {@link PlanCodec} (JSON with a {@code planVersion}).
 */
public record PhysicalPlan(
    int planVersion,
    JobGraph graph,
    List<OperatorChain> chains,
    List<ChainEdge> chainEdges,
    List<Subtask> subtasks) {

  /** The plan format this code writes and reads; bump on any incompatible change. */
  public static final int CURRENT_VERSION = 1;

  public PhysicalPlan {
    Objects.requireNonNull(graph, "graph");
    chains = List.copyOf(chains);
    chainEdges = List.copyOf(chainEdges);
    subtasks = List.copyOf(subtasks);
  }

  public OperatorChain chain(String id) {
    return chains.stream().filter(c -> c.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no chain " + id));
  }

  /** The chain holding a vertex. */
  public OperatorChain chainOf(String vertexId) {
    return chains.stream().filter(c -> c.vertices().contains(vertexId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no vertex " + vertexId));
  }
}
