package io.millrace.spec.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The logical job graph compiled from a validated spec: one vertex per node, one edge per input
 * reference. Construction checks the graph's own invariants (ids unique, edges between known
 * vertices, parallelism within maxParallelism, FORWARD only between equal parallelism), so a
 * plan read from the wire is as trustworthy as one just compiled.
 */
public record JobGraph(String name, int maxParallelism, List<JobVertex> vertices, List<JobEdge> edges) {

  public JobGraph {
    Objects.requireNonNull(name, "name");
    vertices = List.copyOf(vertices);
    edges = List.copyOf(edges);
    if (maxParallelism < 1 || maxParallelism > KeyGroups.UPPER_BOUND_MAX_PARALLELISM) {
      throw new IllegalArgumentException("maxParallelism must be in 1.."
          + KeyGroups.UPPER_BOUND_MAX_PARALLELISM + ", was " + maxParallelism);
    }
    Set<String> ids = new HashSet<>();
    for (JobVertex vertex : vertices) {
      if (!ids.add(vertex.id())) {
        throw new IllegalArgumentException("duplicate vertex id " + vertex.id());
      }
      if (vertex.parallelism() > maxParallelism) {
        throw new IllegalArgumentException("vertex " + vertex.id() + ": parallelism "
            + vertex.parallelism() + " exceeds maxParallelism " + maxParallelism);
      }
    }
    for (JobEdge edge : edges) {
      if (!ids.contains(edge.source()) || !ids.contains(edge.target())) {
        throw new IllegalArgumentException("edge " + edge.source() + " -> " + edge.target()
            + " references an unknown vertex");
      }
    }
    for (JobEdge edge : edges) {
      if (edge.partitioning() == Partitioning.FORWARD
          && parallelism(vertices, edge.source()) != parallelism(vertices, edge.target())) {
        throw new IllegalArgumentException("edge " + edge.source() + " -> " + edge.target()
            + ": FORWARD needs equal parallelism on both ends");
      }
    }
  }

  public Optional<JobVertex> vertex(String id) {
    return vertices.stream().filter(v -> v.id().equals(id)).findFirst();
  }

  public List<JobEdge> inputsOf(String vertexId) {
    return edges.stream().filter(e -> e.target().equals(vertexId)).toList();
  }

  public List<JobEdge> outputsOf(String vertexId) {
    return edges.stream().filter(e -> e.source().equals(vertexId)).toList();
  }

  private static int parallelism(List<JobVertex> vertices, String id) {
    return vertices.stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow().parallelism();
  }
}
