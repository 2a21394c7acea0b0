package io.millrace.controlplane.worker.service;

import io.millrace.controlplane.worker.WorkerState;
import java.time.Instant;

/** A worker as the rest of the control plane sees it: an immutable snapshot, never the entity. */
public record WorkerView(String id, String host, WorkerState state, int slots, int freeSlots, long memoryBytes,
        String buildVersion, String protocolVersion, Instant registeredAt, Instant lastHeartbeatAt, String dataAddress) {
}
