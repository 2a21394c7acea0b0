package io.millrace.controlplane.pipeline.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.millrace.controlplane.pipeline.service.PipelineVersionView;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One immutable version of a pipeline. */
@Schema(name = "PipelineVersion")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionResponse(int version,
        @Schema(description = "JSON or YAML: the format the spec was sent in") String format,
        @Schema(description = "SHA-256 of the spec text, hex") String specHash, String author, Instant createdAt,
        @Schema(description = "The spec exactly as sent (only where asked for)") String spec) {

    static VersionResponse from(PipelineVersionView v, boolean withSpec) {
        return new VersionResponse(v.version(), v.format(), v.specHash(), v.author(), v.createdAt(),
                withSpec ? v.spec() : null);
    }
}
