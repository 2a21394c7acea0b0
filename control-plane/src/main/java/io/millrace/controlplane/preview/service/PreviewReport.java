package io.millrace.controlplane.preview.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a preview produced, as the API answers it (records as JSON values, not strings). */
@Schema(name = "PreviewResult", description = "Per-node outputs of a pipeline run on sample records in a sandbox.")
public record PreviewReport(
        @Schema(description = "By node id (side outputs as <node>.<output>, e.g. counts.late): what it emitted.")
        Map<String, NodeOutput> nodes,
        @Schema(description = "Failures located on nodes: each distinct expression error, or what stopped the run.")
        List<NodeError> errors,
        @Schema(description = "Dead-letter records (node, reason, record), at most maxRecordsPerNode.")
        List<JsonNode> deadLetters,
        long elapsedMs,
        @Schema(description = "The time limit cut the run short: outputs are partial.")
        boolean limitHit,
        @Schema(description = "The worker that ran the sandbox.")
        String workerId) {

    @Schema(name = "PreviewNodeOutput")
    public record NodeOutput(List<JsonNode> records, long count, boolean truncated) {
    }

    @Schema(name = "PreviewNodeError")
    public record NodeError(String nodeId, String message) {
    }
}
