package io.millrace.spec.validate;

import io.millrace.spec.catalog.BuiltinNodeKinds;
import io.millrace.spec.catalog.NodeRole;
import io.millrace.spec.catalog.SideOutput;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the node graph: unique ids, inputs that exist (with their side outputs), input counts,
 * cycles, at least one source and one sink, keys for keyed operators, unread outputs. Produces the
 * topological order the type flow needs when the graph is a DAG.
 */
final class GraphChecker {

  private final List<GraphNode> nodes;
  private final Diagnostics diagnostics;
  private final Map<String, GraphNode> byId = new LinkedHashMap<>();
  /** Upstream node indexes of each node, by index (only resolvable references). */
  private final Map<Integer, List<Integer>> upstream = new HashMap<>();
  /** Nodes the topological sort could place: not on and not downstream of a cycle. */
  private final Set<Integer> sorted = new HashSet<>();

  GraphChecker(List<GraphNode> nodes, Diagnostics diagnostics) {
    this.nodes = nodes;
    this.diagnostics = diagnostics;
  }

  Map<String, GraphNode> byId() {
    return byId;
  }

  /** Runs every graph check; returns the nodes in topological order, or empty when there is a cycle. */
  Optional<List<GraphNode>> check(boolean nodesPresent) {
    checkIds();
    checkInputs();
    checkArity();
    checkSourcesAndSinks(nodesPresent);
    checkKeys();
    checkUnreadOutputs();
    return checkCycles();
  }

  private void checkIds() {
    for (GraphNode node : nodes) {
      if (node.id() == null) {
        continue;
      }
      GraphNode first = byId.putIfAbsent(node.id(), node);
      if (first != null) {
        diagnostics.error("duplicate-id", node.pointer() + "/id",
            "duplicate node id '" + node.id() + "': node " + (first.index() + 1) + " already uses it",
            "node ids are unique: rename one, e.g. '" + node.id() + "-2'");
      }
    }
  }

  private void checkInputs() {
    for (GraphNode node : nodes) {
      List<Integer> ups = new ArrayList<>();
      for (GraphNode.Input input : node.inputs()) {
        GraphNode target = byId.get(input.ref().nodeId());
        if (target == null) {
          diagnostics.error("unknown-input", input.pointer(), node.label() + " reads from '" + input.ref() + "', but no node has id '"
                  + input.ref().nodeId() + "'",
              DidYouMean.hint(input.ref().nodeId(), byId.keySet(), "use the id of a node of this pipeline: " + String.join(", ", byId.keySet())));
          continue;
        }
        if (input.ref().output().isPresent() && !checkSideOutput(node, input, target)) {
          continue;
        }
        // a sink's main output does not exist; its side outputs (dead-letter: records it could not write) do
        if (input.ref().output().isEmpty() && target.kind() != null && target.kind().role() == NodeRole.SINK) {
          diagnostics.error("read-from-sink", input.pointer(), node.label() + " reads from the sink " + target.label() + ", which has no output",
              "read from the node that feeds the sink instead");
          continue;
        }
        ups.add(target.index());
      }
      upstream.put(node.index(), ups);
    }
  }

  private boolean checkSideOutput(GraphNode node, GraphNode.Input input, GraphNode target) {
    if (target.kind() == null) {
      return false; // unknown type already reported
    }
    String name = input.ref().output().orElseThrow();
    Optional<SideOutput> output = target.kind().sideOutput(name);
    if (output.isEmpty()) {
      List<String> names = target.kind().sideOutputs().stream().map(SideOutput::name).toList();
      diagnostics.error("unknown-output", input.pointer(), target.label() + " has no output '" + name + "'",
          names.isEmpty() ? "read its main output: '" + target.id() + "'"
              : DidYouMean.hint(name, names, "its side outputs are: " + String.join(", ", names)));
      return false;
    }
    String enabledBy = output.get().enabledBy();
    if (enabledBy != null && !target.json().path(enabledBy).asBoolean(false)) {
      diagnostics.error("unknown-output", input.pointer(),
          "'" + input.ref() + "' does not exist: " + target.label() + " does not set " + enabledBy + ": true",
          "add " + enabledBy + ": true to node '" + target.id() + "'");
      return false;
    }
    return true;
  }

  private void checkArity() {
    for (GraphNode node : nodes) {
      if (node.kind() == null || !node.json().path("inputs").isArray() || node.kind().maxInputs() == 0) {
        continue; // missing inputs / inputs on a source are reported by the shape check
      }
      int count = node.json().path("inputs").size();
      int min = node.kind().minInputs();
      int max = node.kind().maxInputs();
      if (count < min || (max >= 0 && count > max)) {
        String hint = switch (node.kind().name()) {
          case BuiltinNodeKinds.JOIN -> "a join reads [left, right]: list exactly two inputs";
          case BuiltinNodeKinds.LOOKUP_JOIN -> "a lookup-join reads [stream, table]: list exactly two inputs";
          case BuiltinNodeKinds.UNION -> "a union merges two or more streams; to pass one stream on, read it directly";
          default -> "list " + node.kind().inputArity();
        };
        diagnostics.error("input-count", node.pointer() + "/inputs",
            node.label() + " needs " + node.kind().inputArity() + ", has " + count, hint);
      }
    }
  }

  private void checkSourcesAndSinks(boolean nodesPresent) {
    if (!nodesPresent) {
      return;
    }
    boolean unknownKinds = nodes.stream().anyMatch(n -> n.kind() == null);
    if (nodes.stream().noneMatch(n -> n.kind() != null && n.kind().role() == NodeRole.SOURCE) && !unknownKinds) {
      diagnostics.error("no-source", "/spec/nodes", "the pipeline has no source", "add a source node, e.g. type: kafka-source");
    }
    if (nodes.stream().noneMatch(n -> n.kind() != null && n.kind().role() == NodeRole.SINK) && !unknownKinds) {
      diagnostics.error("no-sink", "/spec/nodes", "the pipeline has no sink: its results would go nowhere",
          "add a sink node, e.g. type: kafka-sink");
    }
  }

  private void checkKeys() {
    for (GraphNode node : nodes) {
      if (node.kind() == null || !node.kind().keyed() || node.json().has("keyBy")) {
        continue;
      }
      boolean keyedInputs = !node.inputs().isEmpty() && node.inputs().stream().allMatch(i -> {
        GraphNode up = byId.get(i.ref().nodeId());
        return up != null && i.ref().isMainOutput() && up.kind() != null && up.kind().name().equals(BuiltinNodeKinds.KEY_BY);
      });
      if (!keyedInputs) {
        diagnostics.error("missing-key", node.pointer(), node.label() + " is keyed but has no key",
            "add keyBy: <expression>, e.g. keyBy: value.userId, or read from a key-by node");
      }
    }
  }

  private void checkUnreadOutputs() {
    Set<String> read = new HashSet<>();
    nodes.forEach(n -> n.inputs().forEach(i -> read.add(i.ref().nodeId())));
    for (GraphNode node : nodes) {
      if (node.id() != null && node.kind() != null && node.kind().role() != NodeRole.SINK && !read.contains(node.id())) {
        diagnostics.warning("unread-output", node.pointer() + "/id", node.label() + " feeds no other node: its output is discarded",
            "connect it to a sink or remove it");
      }
    }
  }

  /** Reports each cycle once (per strongly connected component) and returns a topological order if none. */
  private Optional<List<GraphNode>> checkCycles() {
    int n = nodes.size();
    int[] indegree = new int[n];
    Map<Integer, List<Integer>> downstream = new HashMap<>();
    upstream.forEach((node, ups) -> ups.forEach(u -> {
      downstream.computeIfAbsent(u, k -> new ArrayList<>()).add(node);
      indegree[node]++;
    }));
    Deque<Integer> ready = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      if (indegree[i] == 0) {
        ready.add(i);
      }
    }
    List<GraphNode> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      int i = ready.poll();
      order.add(nodes.get(i));
      for (int d : downstream.getOrDefault(i, List.of())) {
        if (--indegree[d] == 0) {
          ready.add(d);
        }
      }
    }
    order.forEach(g -> sorted.add(g.index()));
    if (order.size() == n) {
      return Optional.of(order);
    }
    Set<Integer> reported = new HashSet<>();
    for (int i = 0; i < n; i++) {
      if (indegree[i] > 0 && !reported.contains(i)) {
        reportCycleThrough(i, reported);
      }
    }
    return Optional.empty();
  }

  /** Finds a cycle reachable upstream from {@code start} among unsorted nodes and reports it. */
  private void reportCycleThrough(int start, Set<Integer> reported) {
    // Walk upstream from start; the unsorted nodes always have an unsorted upstream, so we meet a repeat.
    List<Integer> path = new ArrayList<>();
    Map<Integer, Integer> seenAt = new HashMap<>();
    int current = start;
    while (!seenAt.containsKey(current)) {
      seenAt.put(current, path.size());
      path.add(current);
      int next = -1;
      for (int u : upstream.getOrDefault(current, List.of())) {
        if (!isSorted(u)) {
          next = u;
          break;
        }
      }
      if (next < 0) {
        return;
      }
      current = next;
    }
    List<Integer> cycle = new ArrayList<>(path.subList(seenAt.get(current), path.size()));
    if (cycle.stream().anyMatch(reported::contains)) {
      reported.addAll(path);
      return;
    }
    reported.addAll(path);
    // path runs upstream; reverse it to read in data-flow order.
    java.util.Collections.reverse(cycle);
    int first = cycle.stream().min(Integer::compare).orElseThrow();
    int rotate = cycle.indexOf(first);
    List<Integer> flow = new ArrayList<>(cycle.subList(rotate, cycle.size()));
    flow.addAll(cycle.subList(0, rotate));
    StringBuilder names = new StringBuilder();
    for (int i : flow) {
      names.append(idOf(i)).append(" → ");
    }
    names.append(idOf(first));
    GraphNode closing = nodes.get(first);
    String predecessor = nodes.get(flow.get(flow.size() - 1)).id();
    String pointer = closing.inputs().stream().filter(in -> in.ref().nodeId().equals(predecessor)).findFirst()
        .map(GraphNode.Input::pointer).orElse(closing.pointer());
    diagnostics.error("cycle", pointer, "cycle: " + names, "a pipeline is a DAG: remove one of these inputs");
  }

  private boolean isSorted(int index) {
    return sorted.contains(index);
  }

  private String idOf(int index) {
    String id = nodes.get(index).id();
    return id == null ? "node " + (index + 1) : id;
  }
}
