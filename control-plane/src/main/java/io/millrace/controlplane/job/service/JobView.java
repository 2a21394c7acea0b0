package io.millrace.controlplane.job.service;

import io.millrace.controlplane.job.JobState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A job as callers see it: the persisted record plus the live tasks of the current attempt (empty when none). */
public record JobView(UUID id, String tenantId, String name, JobState state, String stateReason,
        Instant stateChangedAt, long attempt, Integer parallelism, int failureCount, String lastFailure,
        Instant createdAt, UUID pipelineId, Integer pipelineVersion, String desiredState,
        List<TaskView> tasks) {

    static JobView of(JobRecord job, List<TaskView> tasks) {
        return new JobView(job.id(), job.tenantId(), job.name(), job.state(), job.stateReason(), job.stateChangedAt(),
                job.attempt(), job.parallelism(), job.failureCount(), job.lastFailure(), job.createdAt(),
                job.pipelineId(), job.pipelineVersion(), job.desiredState(), List.copyOf(tasks));
    }
}
