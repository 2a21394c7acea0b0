package io.millrace.controlplane.job.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/jobs/{id}/resume}. */
@Schema(name = "ResumeRequest")
public record ResumeRequest(
        @Schema(description = "The savepoint or checkpoint of this job to start from; default the latest usable one")
        Long checkpointId,
        @Schema(description = "Overrides the job's parallelism") Integer parallelism) {
}
