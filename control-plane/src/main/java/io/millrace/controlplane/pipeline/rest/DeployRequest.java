package io.millrace.controlplane.pipeline.rest;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/pipelines/{name}/deploy}; every field is optional. */
@Schema(name = "DeployRequest")
public record DeployRequest(
        @Schema(description = "The version to deploy; default the newest.") Integer version,
        @Schema(description = "Overrides the spec's parallelism.") Integer parallelism,
        @Schema(description = "Start from this savepoint or checkpoint of a job of the tenant.")
        FromSavepoint fromSavepoint) {

    @Schema(name = "FromSavepoint")
    public record FromSavepoint(UUID jobId, Long checkpointId) {
    }
}
