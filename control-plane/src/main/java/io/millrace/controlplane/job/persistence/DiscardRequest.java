package io.millrace.controlplane.job.persistence;

import java.util.List;
import java.util.UUID;

/**
 * The content of one {@code DiscardCheckpoints}: the DISCARDING checkpoints of a job with their task states, and the
 * task states of every checkpoint and savepoint that must keep its files. Task states are opaque here.
 */
public record DiscardRequest(UUID jobId, List<Long> checkpointIds, List<byte[]> discardedTaskStates,
        List<byte[]> retainedTaskStates) {

    public DiscardRequest {
        checkpointIds = List.copyOf(checkpointIds);
        discardedTaskStates = List.copyOf(discardedTaskStates);
        retainedTaskStates = List.copyOf(retainedTaskStates);
    }
}
