package io.millrace.controlplane.worker.service;

import java.util.UUID;

/**
 * CDI event: the deadline monitor marked a worker LOST. The gRPC layer closes that session's stream, so the worker
 * notices and registers again instead of heartbeating into a session the control plane has given up on.
 */
public record WorkerLost(String workerId, UUID sessionId, String reason) {
}
