package io.millrace.controlplane.preview.rest;

import io.millrace.spec.catalog.SchemaInference;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The inferred source schema, ready to paste as a source node's {@code schema}, with notes on what was guessed or left
 * out.
 */
@Schema(name = "InferSchemaResponse")
public record InferSchemaResponse(SourceSchema schema, List<String> notes, int samples) {

    /** As the spec writes it: {@code schema: {fields: [{name, type}]}}. */
    @Schema(name = "SourceSchema")
    public record SourceSchema(List<SchemaInference.Field> fields) {
    }
}
