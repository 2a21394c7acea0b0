package io.millrace.controlplane.preview.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/pipelines:preview}. */
@Schema(name = "PreviewRequest")
public record PreviewRequest(
        @Schema(description = "The pipeline spec as YAML or JSON text.", required = true)
        String spec,
        @Schema(description = "yaml or json; absent: JSON when the text starts with '{', else YAML.")
        String format,
        @Schema(description = "Sample records (JSON values) per source node id. A datagen source without samples"
                + " generates records; any other source needs samples.")
        Map<String, List<JsonNode>> samples,
        @Schema(description = "Records returned per node (default 100, at most millrace.preview.max-records-per-node).")
        Integer maxRecordsPerNode,
        @Schema(description = "Time limit of the run in ms (default 5000, at most millrace.preview.max-time-limit).")
        Integer timeLimitMs) {
}
