package io.millrace.spec.statediff;

import java.util.List;
import java.util.Objects;

/**
 * What a deploy does to one node's state.
 *
 * @param nodeId the node id (the state's stable identity)
 * @param change the verdict for the node as a whole (the worst of its states)
 * @param before the states the old version declares for this id (empty if the node is new)
 * @param after the states the new version declares for this id (empty if the node was removed)
 * @param reason one or more sentences for the user, e.g. "window changed from tumbling 1m to
 *     tumbling 5m: the open windows' contents cannot be re-sliced; their state is dropped."
 */
public record NodeStateChange(String nodeId, Change change, List<DeclaredState> before, List<DeclaredState> after,
    String reason) {

  public NodeStateChange {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(change, "change");
    before = List.copyOf(before);
    after = List.copyOf(after);
    Objects.requireNonNull(reason, "reason");
  }
}
