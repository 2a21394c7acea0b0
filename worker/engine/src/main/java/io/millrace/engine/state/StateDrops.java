package io.millrace.engine.state;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The restore option "start these states empty" (DESIGN.md §8.1, safe upgrades): what a task must not
 * restore from the checkpoint it starts from. Applied in one place per kind of state: keyed states and
 * timers by {@code AbstractKeyedStateBackend} (both backends), operator state by {@code
 * CompletedCheckpoint#operatorState}.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>a whole-node entry drops the node's keyed states, its timers and its operator state;
 *   <li>a named entry whose name is one of {@link #OPERATOR_STATE_NAMES} drops the node's operator state
 *       (the engine keeps one operator-state list per node; the spec's state model names it);
 *   <li>any other named entry drops that keyed state <em>and the node's timers</em>: timers are kept per
 *       node, not per state, and a timer scheduled for an entry that is gone would fire for a window (or
 *       session, or period) the node no longer has.
 * </ul>
 *
 * <p>A name the checkpoint does not hold drops nothing (there is nothing to bring back).
 */
public final class StateDrops {

  /**
   * The names pipeline-spec's state model gives operator state (source read positions, sinks' pending
   * commits, the watermark window and join operators reached); a test keeps this set equal to the
   * operator-scope names {@code StateDiffer.declaredStates} reports.
   */
  public static final Set<String> OPERATOR_STATE_NAMES = Set.of("splits", "pending-commits", "watermark");

  private static final StateDrops NONE = new StateDrops(List.of());

  private final Set<DroppedState> entries;

  private StateDrops(Collection<DroppedState> entries) {
    this.entries = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(entries));
  }

  /** Restore everything. */
  public static StateDrops none() {
    return NONE;
  }

  public static StateDrops of(Collection<DroppedState> entries) {
    return entries.isEmpty() ? NONE : new StateDrops(entries);
  }

  public static StateDrops of(DroppedState... entries) {
    return of(List.of(entries));
  }

  public Set<DroppedState> entries() {
    return entries;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Every state of the node is dropped. */
  public boolean dropsWholeNode(String nodeId) {
    return entries.contains(DroppedState.wholeNode(nodeId));
  }

  /** The keyed state {@code nodeId/name} starts empty. */
  public boolean dropsKeyedState(String nodeId, String name) {
    return dropsWholeNode(nodeId)
        || (!OPERATOR_STATE_NAMES.contains(name) && entries.contains(new DroppedState(nodeId, name)));
  }

  /** The node's timers are not restored (the node, or one of its keyed states, is dropped). */
  public boolean dropsTimersOf(String nodeId) {
    return entries.stream().anyMatch(e -> e.nodeId().equals(nodeId)
        && (e.wholeNode() || !OPERATOR_STATE_NAMES.contains(e.stateName())));
  }

  /** The node's operator state is not restored. */
  public boolean dropsOperatorStateOf(String nodeId) {
    return entries.stream().anyMatch(e -> e.nodeId().equals(nodeId)
        && (e.wholeNode() || OPERATOR_STATE_NAMES.contains(e.stateName())));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StateDrops other && entries.equals(other.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return entries.isEmpty() ? "nothing" : entries.toString();
  }
}
