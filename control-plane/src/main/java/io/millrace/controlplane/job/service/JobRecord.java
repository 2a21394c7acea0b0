package io.millrace.controlplane.job.service;

import io.millrace.controlplane.job.JobState;
import io.millrace.controlplane.job.persistence.JobEntity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An immutable snapshot of a job row, as the rest of the control plane sees it (never the entity). */
public record JobRecord(UUID id, String tenantId, String name, String spec, String specFormat, String planJson,
        Integer parallelism, JobState state, String stateReason, Instant stateChangedAt, long attempt,
        String restartStrategy, long checkpointIntervalMs, long checkpointTimeoutMs, int failureCount,
        String lastFailure, UUID restoreJobId, Long restoreCheckpointId, Instant createdAt, UUID pipelineId,
        Integer pipelineVersion, String desiredState, List<DroppedStateRef> restoreDroppedStates) {

    public JobRecord {
        restoreDroppedStates = restoreDroppedStates == null ? List.of() : List.copyOf(restoreDroppedStates);
    }

    static JobRecord of(JobEntity e) {
        return new JobRecord(e.id(), e.tenantId(), e.name(), e.spec(), e.specFormat(), e.planJson(), e.parallelism(),
                e.state(), e.stateReason(), e.stateChangedAt(), e.attempt(), e.restartStrategy(),
                e.checkpointIntervalMs(), e.checkpointTimeoutMs(), e.failureCount(), e.lastFailure(), e.restoreJobId(),
                e.restoreCheckpointId(), e.createdAt(), e.pipelineId(), e.pipelineVersion(), e.desiredState(),
                DroppedStatesCodec.fromJson(e.restoreDroppedStates()));
    }
}
