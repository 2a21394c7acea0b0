package io.millrace.controlplane.pipeline.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.millrace.controlplane.pipeline.service.ApplyOutcome;
import io.millrace.controlplane.pipeline.service.PipelineView;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pipeline in the REST API, with its newest version. */
@Schema(name = "Pipeline")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PipelineResponse(UUID id, String name, String description, int latestVersion, String createdBy,
        Instant createdAt, Instant updatedAt,
        @Schema(description = "Send it back in If-Match to update or delete only this state.") String etag,
        @Schema(description = "What an apply did: CREATED, VERSION_ADDED or UNCHANGED (writes only).")
        ApplyOutcome.Kind outcome,
        VersionResponse latest) {

    static PipelineResponse from(PipelineView view, boolean withSpec) {
        return new PipelineResponse(view.id(), view.name(), view.description(), view.latestVersion(),
                view.createdBy(), view.createdAt(), view.updatedAt(), view.etag(), null,
                VersionResponse.from(view.latest(), withSpec));
    }

    static PipelineResponse from(ApplyOutcome outcome) {
        PipelineResponse body = from(outcome.pipeline(), false);
        return new PipelineResponse(body.id, body.name, body.description, body.latestVersion, body.createdBy,
                body.createdAt, body.updatedAt, body.etag, outcome.kind(), body.latest);
    }
}
