package io.millrace.controlplane.job.rest;

import io.millrace.controlplane.job.persistence.CheckpointRecord;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A checkpoint or savepoint in the REST API. */
@Schema(name = "Checkpoint")
public record CheckpointResponse(long id, long attempt,
        @Schema(description = "CHECKPOINT or SAVEPOINT") String kind,
        @Schema(description = "COMPLETED or FAILED") String status,
        Instant createdAt, Instant completedAt, long stateSizeBytes, String failureReason,
        @Schema(description = "False once a restore from it failed; recovery skips it.") boolean usable,
        String unusableReason) {

    static CheckpointResponse from(CheckpointRecord c) {
        return new CheckpointResponse(c.checkpointId(), c.attempt(), c.savepoint() ? "SAVEPOINT" : "CHECKPOINT",
                c.status(), c.createdAt(), c.completedAt(), c.stateSize(), c.failureReason(), c.usable(),
                c.unusableReason());
    }
}
