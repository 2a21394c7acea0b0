package io.millrace.controlplane.pipeline.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millrace.controlplane.pipeline.service.SpecExamples;
import io.millrace.controlplane.security.CallerContext;
import io.millrace.controlplane.security.Role;
import io.millrace.spec.catalog.Catalog;
import io.millrace.spec.catalog.NodeKindDescriptor;
import io.millrace.spec.catalog.SideOutput;
import io.millrace.spec.schema.PipelineSchema;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The node catalog for any member of a tenant: the JSON Schema generated from the catalog this control plane loaded
 * (built-in kinds plus the connectors found on its class path) and every kind with its palette group, so the console
 * builds its palette and forms from the server, never from a copy of its own.
 */
@Path("/api/v1/catalog")
@Tag(name = "Catalog")
@Authenticated
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private final CallerContext callers;
    private final SpecExamples examples;
    private final CatalogResponse catalog;

    public CatalogResource(CallerContext callers, SpecExamples examples, ObjectMapper json) {
        this.callers = callers;
        this.examples = examples;
        this.catalog = describe(Catalog.load(), json);
    }

    @GET
    @Operation(summary = "The pipeline JSON Schema and every node kind (name, role, inputs, side outputs)")
    public CatalogResponse catalog() {
        callers.require(Role.VIEWER);
        return catalog;
    }

    @GET
    @Path("/examples")
    @Operation(summary = "The spec examples as templates (YAML)")
    public List<ExampleResponse> examples() {
        callers.require(Role.VIEWER);
        return examples.all().stream().map(e -> new ExampleResponse(e.id(), "YAML", e.spec())).toList();
    }

    private static CatalogResponse describe(Catalog catalog, ObjectMapper json) {
        JsonNode schema;
        try {
            schema = json.readTree(PipelineSchema.generate(catalog));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("pipeline-spec generated a schema that is not JSON", e);
        }
        List<CatalogResponse.Kind> kinds = catalog.kinds().stream().map(CatalogResource::kind).toList();
        return new CatalogResponse(schema, kinds);
    }

    private static CatalogResponse.Kind kind(NodeKindDescriptor k) {
        return new CatalogResponse.Kind(k.name(), k.role().label(), k.description(), k.connector(), k.minInputs(),
                k.maxInputs(), k.keyed(), k.sideOutputs().stream().map(SideOutput::name).toList());
    }
}
