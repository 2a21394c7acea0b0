package io.millrace.engine.state;

import java.util.Objects;

/**
 * One piece of state a restore must NOT bring back (DESIGN.md §8.1: the user confirmed dropping it
 * after the state diff said its stored entries cannot be read by the new version).
 *
 * @param nodeId the node (spec node id) the state belongs to
 * @param stateName the state's name as the state diff reports it: a keyed state's name (its node's
 *     timers go with it), or the node's operator-state name ({@link StateDrops#OPERATOR_STATE_NAMES});
 *     empty: every state of the node (keyed states, timers and operator state)
 */
public record DroppedState(String nodeId, String stateName) {

  public DroppedState {
    Objects.requireNonNull(nodeId, "nodeId");
    if (nodeId.isBlank()) {
      throw new IllegalArgumentException("a dropped state needs a node id (state name '" + stateName + "')");
    }
    stateName = stateName == null ? "" : stateName;
  }

  /** Every state of {@code nodeId}. */
  public static DroppedState wholeNode(String nodeId) {
    return new DroppedState(nodeId, "");
  }

  /** True when this drops every state of its node. */
  public boolean wholeNode() {
    return stateName.isEmpty();
  }

  @Override
  public String toString() {
    return wholeNode() ? nodeId + "/*" : nodeId + "/" + stateName;
  }
}
