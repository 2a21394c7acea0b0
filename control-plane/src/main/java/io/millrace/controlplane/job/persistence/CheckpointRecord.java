package io.millrace.controlplane.job.persistence;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code checkpoint}: a completed or failed checkpoint/savepoint of a job. */
public record CheckpointRecord(UUID jobId, long checkpointId, long attempt, boolean savepoint, boolean finalCheckpoint,
        String status, Instant createdAt, Instant completedAt, long stateSize, String failureReason, boolean usable,
        String unusableReason) {

    public boolean completed() {
        return "COMPLETED".equals(status);
    }

    /** Retention gave it up: its files are being deleted; it is never restored from. */
    public boolean discarding() {
        return "DISCARDING".equals(status);
    }
}
