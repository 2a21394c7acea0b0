package io.millrace.controlplane.pipeline.service;

import io.millrace.controlplane.pipeline.persistence.PipelineEntity;
import java.time.Instant;
import java.util.UUID;

/** A pipeline as callers see it (never the entity), with its newest version and the ETag of this state. */
public record PipelineView(UUID id, String name, String description, int latestVersion, String createdBy,
        Instant createdAt, Instant updatedAt, String etag, PipelineVersionView latest) {

    static PipelineView of(PipelineEntity pipeline, PipelineVersionView latest) {
        return new PipelineView(pipeline.id(), pipeline.name(), pipeline.description(), pipeline.latestVersion(),
                pipeline.createdBy(), pipeline.createdAt(), pipeline.updatedAt(), PipelineETag.of(pipeline), latest);
    }
}
