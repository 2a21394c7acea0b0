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
        @Schema(description = "RUNNING until a user stops it, then STOPPED; `state` is what actually is.")
        String desiredState,
        @Schema(description = "The pipeline version the job runs; null for a job submitted as a raw spec.")
        PipelineRef pipeline,
        @Schema(description = "The current deployment attempt; 0 before the first.") long attempt,
        @Schema(description = "Parallelism override, null when the spec's own applies.") Integer parallelism,
        int failureCount, String lastFailure, Instant createdAt, List<Task> tasks) {

    @Schema(name = "JobPipeline")
    public record PipelineRef(UUID id, String name, int version) {
    }

    @Schema(name = "JobTask")
    public record Task(String chainId, int subtask, String workerId, String state, String failure) {
    }

    /** A job; a pipeline job's pipeline name is the spec's name, which is the job's name. */
    public static JobResponse from(JobView view) {
        return from(view, view.name());
    }

    public static JobResponse from(JobView view, String pipelineName) {
        PipelineRef pipeline = view.pipelineId() == null ? null
                : new PipelineRef(view.pipelineId(), pipelineName, view.pipelineVersion());
        return new JobResponse(view.id(), view.name(), view.state(), view.stateReason(), view.stateChangedAt(),
                view.desiredState(), pipeline, view.attempt(), view.parallelism(), view.failureCount(),
                view.lastFailure(), view.createdAt(), view.tasks().stream().map(JobResponse::task).toList());
    }

    private static Task task(TaskView t) {
        return new Task(t.chainId(), t.subtask(), t.workerId(), t.state(), t.failure());
    }
}
