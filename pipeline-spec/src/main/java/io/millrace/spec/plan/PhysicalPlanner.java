package io.millrace.spec.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link JobGraph} into a {@link PhysicalPlan}: operator chains, the edges between them
 * and the subtasks with their key-group ranges.
 *
 * <p>Chaining rule (as in Flink): an edge {@code a → b} is fused into one task when
 *
 * <ol>
 *   <li>it is {@link Partitioning#FORWARD} (so no repartitioning happens),
 *   <li>{@code a} and {@code b} have equal parallelism,
 *   <li>{@code b} has exactly one input edge (a union or join must see each input separately),
 *   <li>the edge leaves {@code a}'s main output (side outputs — late, dead-letter — never chain:
 *       they are rare, and a separate task keeps their backpressure off the main path), and
 *   <li>{@code a}'s main output has no other consumer: chains are linear, so a fan-out ends the
 *       chain (Flink also chains into a fan-out tree; a linear chain keeps task code and metrics
 *       simpler, at the price of one local exchange per extra branch).
 * </ol>
 */
public final class PhysicalPlanner {

  public PhysicalPlan plan(JobGraph graph) {
    List<JobVertex> order = topologicalOrder(graph);
    Map<String, JobEdge> chainedInto = new HashMap<>();
    for (JobEdge edge : graph.edges()) {
      if (chainable(graph, edge)) {
        chainedInto.put(edge.target(), edge);
      }
    }

    Map<String, String> chainOfVertex = new HashMap<>();
    Map<String, List<String>> members = new LinkedHashMap<>();
    for (JobVertex vertex : order) {
      JobEdge incoming = chainedInto.get(vertex.id());
      String chain = incoming == null ? vertex.id() : chainOfVertex.get(incoming.source());
      chainOfVertex.put(vertex.id(), chain);
      members.computeIfAbsent(chain, id -> new ArrayList<>()).add(vertex.id());
    }

    List<OperatorChain> chains = new ArrayList<>();
    List<Subtask> subtasks = new ArrayList<>();
    members.forEach((id, vertexIds) -> {
      int parallelism = graph.vertex(id).orElseThrow().parallelism();
      boolean keyed = vertexIds.stream().anyMatch(v -> graph.vertex(v).orElseThrow().keyed());
      chains.add(new OperatorChain(id, vertexIds, parallelism, keyed));
      for (int i = 0; i < parallelism; i++) {
        subtasks.add(new Subtask(id, i,
            keyed ? KeyGroups.rangeFor(graph.maxParallelism(), parallelism, i) : null));
      }
    });

    List<ChainEdge> chainEdges = new ArrayList<>();
    for (JobEdge edge : graph.edges()) {
      if (chainedInto.get(edge.target()) != edge) {
        chainEdges.add(new ChainEdge(chainOfVertex.get(edge.source()), edge,
            chainOfVertex.get(edge.target())));
      }
    }
    return new PhysicalPlan(PhysicalPlan.CURRENT_VERSION, graph, chains, chainEdges, subtasks);
  }

  static boolean chainable(JobGraph graph, JobEdge edge) {
    JobVertex source = graph.vertex(edge.source()).orElseThrow();
    JobVertex target = graph.vertex(edge.target()).orElseThrow();
    return edge.partitioning() == Partitioning.FORWARD
        && source.parallelism() == target.parallelism()
        && graph.inputsOf(target.id()).size() == 1
        && edge.isMainOutput()
        && graph.outputsOf(source.id()).stream().filter(JobEdge::isMainOutput).count() == 1;
  }

  /** Kahn's algorithm, ties broken by the graph's vertex order so plans are deterministic. */
  static List<JobVertex> topologicalOrder(JobGraph graph) {
    Map<String, Integer> inDegree = new HashMap<>();
    graph.vertices().forEach(v -> inDegree.put(v.id(), 0));
    graph.edges().forEach(e -> inDegree.merge(e.target(), 1, Integer::sum));
    List<JobVertex> order = new ArrayList<>();
    Deque<JobVertex> ready = new ArrayDeque<>();
    graph.vertices().stream().filter(v -> inDegree.get(v.id()) == 0).forEach(ready::add);
    while (!ready.isEmpty()) {
      JobVertex vertex = ready.poll();
      order.add(vertex);
      List<JobVertex> released = new ArrayList<>();
      for (JobEdge edge : graph.outputsOf(vertex.id())) {
        if (inDegree.merge(edge.target(), -1, Integer::sum) == 0) {
          released.add(graph.vertex(edge.target()).orElseThrow());
        }
      }
      graph.vertices().stream().filter(released::contains).forEach(ready::add);
    }
    if (order.size() != graph.vertices().size()) {
      throw new IllegalArgumentException("job graph " + graph.name() + " has a cycle");
    }
    return order;
  }
}
