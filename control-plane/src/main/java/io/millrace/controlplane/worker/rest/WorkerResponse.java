package io.millrace.controlplane.worker.rest;

import io.millrace.controlplane.worker.WorkerState;
import io.millrace.controlplane.worker.service.WorkerView;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A worker in the REST API ({@code GET /api/v1/workers}). The API contract; independent of the table. */
@Schema(name = "Worker", description = "A worker process known to the control plane.")
public record WorkerResponse(
        @Schema(description = "Stable worker id.", examples = "worker-7f3a2c") String id,
        @Schema(description = "Host the worker runs on.") String host,
        @Schema(description = "CONNECTED: heartbeating; LOST: missed its heartbeat deadline; DISCONNECTED: stream closed.")
        WorkerState state,
        @Schema(description = "Task slots the worker offers.") int slots,
        @Schema(description = "Slots not occupied by tasks, as of the last heartbeat.") int freeSlots,
        @Schema(description = "Memory available to tasks, in bytes.") long memoryBytes,
        @Schema(description = "Build of the worker binary.") String buildVersion,
        @Schema(description = "Protocol version the worker speaks (MAJOR.MINOR).") String protocolVersion,
        @Schema(description = "When the current session registered.") Instant registeredAt,
        @Schema(description = "When the last heartbeat arrived.") Instant lastHeartbeatAt) {

    static WorkerResponse from(WorkerView view) {
        return new WorkerResponse(view.id(), view.host(), view.state(), view.slots(), view.freeSlots(),
                view.memoryBytes(), view.buildVersion(), view.protocolVersion(), view.registeredAt(),
                view.lastHeartbeatAt());
    }
}
