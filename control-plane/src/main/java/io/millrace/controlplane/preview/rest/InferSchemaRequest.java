package io.millrace.controlplane.preview.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/pipelines:infer-schema}: sample records, each a JSON object. */
@Schema(name = "InferSchemaRequest")
public record InferSchemaRequest(@Schema(required = true) List<JsonNode> samples) {
}
