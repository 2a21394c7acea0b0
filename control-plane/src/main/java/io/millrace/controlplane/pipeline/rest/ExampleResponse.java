package io.millrace.controlplane.pipeline.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A spec example offered as a template. */
@Schema(name = "SpecExample")
public record ExampleResponse(
        @Schema(description = "Path of the example, e.g. word-count or nexmark/q5-hot-items") String id,
        @Schema(description = "YAML") String format,
        String spec) {
}
