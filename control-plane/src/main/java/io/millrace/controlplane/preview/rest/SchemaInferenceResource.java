package io.millrace.controlplane.preview.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.api.FieldError;
import io.millrace.controlplane.preview.config.PreviewConfig;
import io.millrace.controlplane.security.CallerContext;
import io.millrace.controlplane.security.Role;
import io.millrace.spec.catalog.SchemaInference;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The console's "infer schema from samples": a source schema in the spec's format, computed here (no worker). */
@Path("/api/v1/pipelines:infer-schema")
@Tag(name = "Pipelines")
@Authenticated
@Blocking
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SchemaInferenceResource {

    private final CallerContext callers;
    private final PreviewConfig config;

    public SchemaInferenceResource(CallerContext callers, PreviewConfig config) {
        this.callers = callers;
        this.config = config;
    }

    @POST
    @Operation(summary = "Infer a source schema from sample records")
    public InferSchemaResponse infer(JsonNode body) {
        callers.require(Role.VIEWER);
        InferSchemaRequest request = StrictBodies.read(body, InferSchemaRequest.class);
        List<JsonNode> samples = request.samples();
        if (samples == null || samples.isEmpty()) {
            throw ApiProblem.badRequest("samples must hold at least one JSON object",
                    List.of(FieldError.field("samples", "at least one record")));
        }
        if (samples.size() > config.maxSampleRecords()) {
            throw new ApiProblem(413, "preview-samples-too-large", "Preview samples too large",
                    "at most " + config.maxSampleRecords() + " sample records; a few hundred show the shape as well");
        }
        try {
            SchemaInference.Inferred inferred = SchemaInference.infer(samples);
            return new InferSchemaResponse(new InferSchemaResponse.SourceSchema(inferred.fields()), inferred.notes(),
                    samples.size());
        } catch (IllegalArgumentException notObjects) {
            throw ApiProblem.badRequest(notObjects.getMessage(), List.of(FieldError.field("samples",
                    notObjects.getMessage())));
        }
    }
}
