package io.millrace.controlplane.pipeline.rest;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/pipelines/{name}/deploy}; every field is optional. */
@Schema(name = "DeployRequest")
public record DeployRequest(
        @Schema(description = "The version to deploy; default the newest.") Integer version,
        @Schema(description = "Overrides the spec's parallelism.") Integer parallelism,
        @Schema(description = "Start from this savepoint or checkpoint of a job of the tenant (a plain deploy, never"
                + " an upgrade).")
        FromSavepoint fromSavepoint,
        @Schema(description = "While a job of the pipeline runs, the deploy upgrades it; accept dropping the state"
                + " the state diff marks DROPPED (else 409 state-drop-needs-confirmation).")
        Boolean confirmDroppedState) {

    /** Without the confirmation (older clients and the tests' shorthand). */
    public DeployRequest(Integer version, Integer parallelism, FromSavepoint fromSavepoint) {
        this(version, parallelism, fromSavepoint, null);
    }

    @Schema(name = "FromSavepoint")
    public record FromSavepoint(UUID jobId, Long checkpointId) {
    }
}
