package io.millrace.spec.statediff;

import io.millrace.spec.catalog.Catalog;
import io.millrace.spec.catalog.NodeKindDescriptor;
import io.millrace.spec.model.NodeSpec;
import io.millrace.spec.model.PipelineSpec;
import io.millrace.spec.model.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The per-node state diff between two validated versions of a pipeline (DESIGN.md §8.1), from the
 * specs alone: each node kind declares its states ({@link NodeKindDescriptor#stateModel()}), and
 * states are matched by (node id, scope, state name) — a node's {@code id} is its state's identity.
 *
 * <p>Per matched state: another kind, serializer version or layout (see {@link DeclaredState}) →
 * DROPPED; a changed behaviour setting → COMPATIBLE; else KEPT. Keyed state is also DROPPED when
 * {@code maxParallelism} changes (the engine refuses such a restore). A change of a stateful node's
 * parallelism is COMPATIBLE (key groups and operator state are redistributed). A node's verdict is
 * the worst of its states: DROPPED, then COMPATIBLE (some state kept, some new or changed), NEW
 * (only new state), KEPT; STATELESS when neither version keeps state for the id.
 *
 * <p>Upstream edits (a filter, a map) do not change a node's own state: it stays KEPT.
 */
public final class StateDiffer {

  private final Catalog catalog;

  public StateDiffer(Catalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /** A differ over the built-in operators and the connectors found on the class path. */
  public static StateDiffer standard() {
    return new StateDiffer(Catalog.load());
  }

  /** The states one node of a validated spec declares. */
  public List<DeclaredState> declaredStates(NodeSpec node, Spec spec) {
    return catalog.kind(node.type())
        .map(kind -> kind.stateModel().states(node, new StateContext(spec)))
        .orElseThrow(() -> new IllegalArgumentException("node '" + node.id() + "' has type '" + node.type()
            + "', which this catalog does not know: validate the spec with the same catalog first"));
  }

  /** Every node's declared states, by node id in spec order. */
  public Map<String, List<DeclaredState>> declaredStates(PipelineSpec pipeline) {
    Map<String, List<DeclaredState>> all = new LinkedHashMap<>();
    for (NodeSpec node : pipeline.spec().nodes()) {
      all.put(node.id(), declaredStates(node, pipeline.spec()));
    }
    return all;
  }

  /** What deploying {@code to} in place of the running {@code from} does to each node's state. */
  public StateDiff diff(PipelineSpec from, PipelineSpec to) {
    Spec before = from.spec();
    Spec after = to.spec();
    Map<String, List<DeclaredState>> oldStates = declaredStates(from);
    Map<String, List<DeclaredState>> newStates = declaredStates(to);
    List<NodeStateChange> changes = new ArrayList<>();
    for (NodeSpec node : after.nodes()) {
      Optional<NodeSpec> previous = before.node(node.id());
      if (previous.isEmpty()) {
        changes.add(added(node, newStates.get(node.id()), before, oldStates, after));
      } else {
        changes.add(matched(previous.get(), node, oldStates.get(node.id()), newStates.get(node.id()), before, after));
      }
    }
    for (NodeSpec node : before.nodes()) {
      if (after.node(node.id()).isEmpty()) {
        changes.add(removed(node, oldStates.get(node.id()), after, newStates, before));
      }
    }
    return new StateDiff(changes);
  }

  private NodeStateChange added(NodeSpec node, List<DeclaredState> states, Spec before,
      Map<String, List<DeclaredState>> oldStates, Spec after) {
    if (states.isEmpty()) {
      return new NodeStateChange(node.id(), Change.STATELESS, List.of(), List.of(), "New node; it keeps no state.");
    }
    String reason = "New node: its state (" + names(states) + ") starts empty."
        + renameHint(node, states, before, oldStates, after, true);
    return new NodeStateChange(node.id(), Change.NEW, List.of(), states, reason);
  }

  private NodeStateChange removed(NodeSpec node, List<DeclaredState> states, Spec after,
      Map<String, List<DeclaredState>> newStates, Spec before) {
    if (states.isEmpty()) {
      return new NodeStateChange(node.id(), Change.STATELESS, List.of(), List.of(), "Removed; it kept no state.");
    }
    String reason = "Removed (or renamed: state belongs to the node id): its state (" + names(states)
        + ") is dropped." + renameHint(node, states, after, newStates, before, false);
    return new NodeStateChange(node.id(), Change.DROPPED, states, List.of(), reason);
  }

  /**
   * When a node of the other version has the same type and the same state fingerprints, the user
   * most likely renamed it: say which id keeps the state.
   */
  private static String renameHint(NodeSpec node, List<DeclaredState> states, Spec other,
      Map<String, List<DeclaredState>> otherStates, Spec same, boolean nodeIsNew) {
    Set<String> prints = states.stream().map(DeclaredState::fingerprint).collect(Collectors.toSet());
    for (NodeSpec candidate : other.nodes()) {
      boolean unmatched = same.node(candidate.id()).isEmpty();
      if (unmatched && candidate.type().equals(node.type())
          && otherStates.get(candidate.id()).stream().map(DeclaredState::fingerprint).collect(Collectors.toSet()).equals(prints)) {
        String oldId = nodeIsNew ? candidate.id() : node.id();
        String newId = nodeIsNew ? node.id() : candidate.id();
        return " It looks like '" + oldId + "' was renamed to '" + newId + "': keep the id '" + oldId
            + "' to keep its state.";
      }
    }
    return "";
  }

  private NodeStateChange matched(NodeSpec oldNode, NodeSpec newNode, List<DeclaredState> before,
      List<DeclaredState> after, Spec oldSpec, Spec newSpec) {
    String id = newNode.id();
    if (before.isEmpty() && after.isEmpty()) {
      return new NodeStateChange(id, Change.STATELESS, before, after, "Keeps no state.");
    }
    if (!oldNode.type().equals(newNode.type())) {
      List<String> reason = new ArrayList<>();
      reason.add("Type changed from " + oldNode.type() + " to " + newNode.type() + ".");
      if (!before.isEmpty()) {
        reason.add("The old state (" + names(before) + ") is dropped.");
      }
      if (!after.isEmpty()) {
        reason.add("The new state (" + names(after) + ") starts empty.");
      }
      Change change = !before.isEmpty() ? Change.DROPPED : Change.NEW;
      return new NodeStateChange(id, change, before, after, String.join(" ", reason));
    }
    return new StatePairing(oldSpec, newSpec, oldNode, newNode, before, after).change();
  }

  private static String names(List<DeclaredState> states) {
    return states.stream().map(DeclaredState::name).collect(Collectors.joining(", "));
  }

  /** The state-by-state comparison of one node present in both versions with the same type. */
  private record StatePairing(Spec oldSpec, Spec newSpec, NodeSpec oldNode, NodeSpec newNode,
      List<DeclaredState> before, List<DeclaredState> after) {

    NodeStateChange change() {
      Map<String, DeclaredState> oldByAddress = byAddress(before);
      Map<String, DeclaredState> newByAddress = byAddress(after);
      boolean maxParallelismChanged = oldSpec.maxParallelism() != newSpec.maxParallelism();
      Set<String> reasons = new LinkedHashSet<>();
      List<String> droppedStates = new ArrayList<>();
      List<String> newStates = new ArrayList<>();
      boolean kept = false;
      boolean behaviourChanged = false;
      for (DeclaredState old : before) {
        DeclaredState now = newByAddress.get(old.address());
        if (now == null) {
          droppedStates.add(old.name());
          continue;
        }
        boolean keyedLost = maxParallelismChanged && old.scope() == StateScope.KEYED;
        if (!old.fingerprint().equals(now.fingerprint()) || keyedLost) {
          droppedStates.add(old.name());
          if (old.kind() != now.kind() || old.serializerVersion() != now.serializerVersion()) {
            if (factorChanges(old.layout(), now.layout()).isEmpty()) {
              reasons.add("State '" + old.name() + "' changes its stored format (" + old.kind() + " version "
                  + old.serializerVersion() + " → " + now.kind() + " version " + now.serializerVersion() + ").");
            }
          }
          continue;
        }
        kept = true;
        behaviourChanged |= !factorChanges(old.behaviour(), now.behaviour()).isEmpty();
      }
      for (DeclaredState now : after) {
        if (!oldByAddress.containsKey(now.address())) {
          newStates.add(now.name());
        }
      }
      // Causes first: the layout settings that changed, each said once for the node.
      for (String[] c : factorChanges(firstFactors(before, true), firstFactors(after, true))) {
        reasons.add(c[0] + " changed from " + c[1] + " to " + c[2] + ": " + c[3] + "; the state is dropped.");
      }
      if (maxParallelismChanged && before.stream().anyMatch(s -> s.scope() == StateScope.KEYED)) {
        reasons.add("maxParallelism changed from " + oldSpec.maxParallelism() + " to " + newSpec.maxParallelism()
            + ": keyed state is split into that many key groups, which cannot change across a restore.");
      }
      Change change;
      if (!droppedStates.isEmpty()) {
        change = Change.DROPPED;
        reasons.add("Dropped: " + String.join(", ", droppedStates) + ".");
        if (!newStates.isEmpty()) {
          reasons.add("Starts empty: " + String.join(", ", newStates) + ".");
        }
      } else {
        int oldParallelism = oldSpec.parallelismOf(oldNode);
        int newParallelism = newSpec.parallelismOf(newNode);
        boolean rescaled = oldParallelism != newParallelism;
        for (String[] c : factorChanges(firstFactors(before, false), firstFactors(after, false))) {
          reasons.add(c[0] + " changed from " + c[1] + " to " + c[2] + ": " + c[3] + "; the state is kept.");
        }
        if (rescaled) {
          reasons.add("Parallelism changed from " + oldParallelism + " to " + newParallelism
              + ": key groups and operator state are redistributed over the new subtasks; the state is kept.");
        }
        if (!newStates.isEmpty()) {
          reasons.add("Starts empty: " + String.join(", ", newStates) + ".");
        }
        if (!kept && !newStates.isEmpty()) {
          change = Change.NEW;
        } else if (behaviourChanged || rescaled || !newStates.isEmpty()) {
          change = Change.COMPATIBLE;
        } else {
          change = Change.KEPT;
          reasons.add("Same state, same layout: restored as is.");
        }
      }
      return new NodeStateChange(newNode.id(), change, before, after, String.join(" ", reasons));
    }

    private static Map<String, DeclaredState> byAddress(List<DeclaredState> states) {
      Map<String, DeclaredState> map = new LinkedHashMap<>();
      states.forEach(s -> map.put(s.address(), s));
      return map;
    }

    /** Every factor name of the node's states with its first value (layout or behaviour factors). */
    private static List<StateFactor> firstFactors(List<DeclaredState> states, boolean layout) {
      Map<String, StateFactor> first = new LinkedHashMap<>();
      for (DeclaredState s : states) {
        for (StateFactor f : layout ? s.layout() : s.behaviour()) {
          first.putIfAbsent(f.name(), f);
        }
      }
      return List.copyOf(first.values());
    }

    /** {name, old value, new value, consequence} for each factor present in both with another value. */
    private static List<String[]> factorChanges(List<StateFactor> before, List<StateFactor> after) {
      Map<String, StateFactor> now = new LinkedHashMap<>();
      after.forEach(f -> now.put(f.name(), f));
      List<String[]> changes = new ArrayList<>();
      for (StateFactor old : before) {
        StateFactor next = now.get(old.name());
        if (next != null && !next.value().equals(old.value())) {
          changes.add(new String[] {old.name(), show(old.value()), show(next.value()), old.ifChanged()});
        }
      }
      return changes;
    }

    private static String show(String value) {
      return value.isEmpty() ? "(none)" : value;
    }
  }
}
