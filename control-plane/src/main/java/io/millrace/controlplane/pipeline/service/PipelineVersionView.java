package io.millrace.controlplane.pipeline.service;

import io.millrace.controlplane.pipeline.persistence.PipelineVersionEntity;
import java.time.Instant;

/** One stored version: the spec text exactly as sent, its format and hash, who wrote it and when. */
public record PipelineVersionView(int version, String spec, String format, String specHash, String author,
        Instant createdAt) {

    static PipelineVersionView of(PipelineVersionEntity v) {
        return new PipelineVersionView(v.version(), v.spec(), v.specFormat(), v.specHash(), v.author(),
                v.createdAt());
    }
}
