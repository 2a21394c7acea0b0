package io.millrace.controlplane.job.service;

import java.util.Objects;

/**
 * One piece of state a restore leaves behind because the user confirmed dropping it on a safe upgrade: the
 * protocol's {@code DroppedState}. An empty {@code stateName} means every state of the node.
 *
 * @param nodeId the spec node id owning the state (the state's stable identity)
 * @param stateName a state name as the state diff reports it, or "" for the whole node
 */
public record DroppedStateRef(String nodeId, String stateName) {

    public DroppedStateRef {
        Objects.requireNonNull(nodeId, "nodeId");
        if (nodeId.isBlank()) {
            throw new IllegalArgumentException("a dropped state needs its node id");
        }
        stateName = stateName == null ? "" : stateName;
    }

    /** Every state of {@code nodeId}. */
    public static DroppedStateRef wholeNode(String nodeId) {
        return new DroppedStateRef(nodeId, "");
    }

    @Override
    public String toString() {
        return stateName.isEmpty() ? nodeId + " (every state)" : nodeId + "/" + stateName;
    }
}
