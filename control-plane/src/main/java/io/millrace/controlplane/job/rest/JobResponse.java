package io.millrace.controlplane.job.rest;

import io.millrace.controlplane.job.JobState;
import io.millrace.controlplane.job.service.JobView;
import io.millrace.controlplane.job.service.TaskView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A job in the REST API. */
@Schema(name = "Job")
public record JobResponse(UUID id, String name, JobState state,
        @Schema(description = "Why the job is in its state (e.g. why it waits for slots, the last failure).")
        String stateReason,
        Instant stateChangedAt,
        @Schema(description = "The current deployment attempt; 0 before the first.") long attempt,
        @Schema(description = "Parallelism override, null when the spec's own applies.") Integer parallelism,
        int failureCount, String lastFailure, Instant createdAt, List<Task> tasks) {

    @Schema(name = "JobTask")
    public record Task(String chainId, int subtask, String workerId, String state, String failure) {
    }

    static JobResponse from(JobView view) {
        return new JobResponse(view.id(), view.name(), view.state(), view.stateReason(), view.stateChangedAt(),
                view.attempt(), view.parallelism(), view.failureCount(), view.lastFailure(), view.createdAt(),
                view.tasks().stream().map(JobResponse::task).toList());
    }

    private static Task task(TaskView t) {
        return new Task(t.chainId(), t.subtask(), t.workerId(), t.state(), t.failure());
    }
}
