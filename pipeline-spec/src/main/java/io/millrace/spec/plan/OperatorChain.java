package io.millrace.spec.plan;

import java.util.List;
import java.util.Objects;

/**
 * Vertices fused into one task: records pass between them by method call, without
 * serialization or queues.
 *
 * @param id the chain's id: the id of its first vertex
 * @param vertices vertex ids in data-flow order
 * @param parallelism the (shared) parallelism of all its vertices
 * @param keyed true if any vertex is keyed: then each subtask owns a key-group range
 */
public record OperatorChain(String id, List<String> vertices, int parallelism, boolean keyed) {
  public OperatorChain {
    Objects.requireNonNull(id, "id");
    vertices = List.copyOf(vertices);
    if (vertices.isEmpty() || !vertices.get(0).equals(id)) {
      throw new IllegalArgumentException("chain " + id + " must start with its own id");
    }
  }
}
