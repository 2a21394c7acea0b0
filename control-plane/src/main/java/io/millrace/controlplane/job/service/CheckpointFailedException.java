package io.millrace.controlplane.job.service;

import java.util.UUID;

/** A checkpoint or savepoint did not complete; the message says why (for the caller of a savepoint operation). */
public final class CheckpointFailedException extends RuntimeException {

    public CheckpointFailedException(UUID jobId, long checkpointId, String reason) {
        super("job " + jobId + " checkpoint " + checkpointId + " failed: " + reason);
    }
}
