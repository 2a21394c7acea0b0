package io.millrace.controlplane.pipeline.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the console builds its palette and forms from: the pipeline JSON Schema and every node kind. */
@Schema(name = "Catalog")
public record CatalogResponse(
        @Schema(description = "The pipeline JSON Schema (draft 2020-12) for the catalog this control plane loaded")
        JsonNode schema,
        List<Kind> kinds) {

    @Schema(name = "CatalogKind")
    public record Kind(String name,
            @Schema(description = "Palette group: source, transform, window-join or sink") String role,
            String description,
            @Schema(description = "True for connectors (sources and sinks of a connector module)") boolean connector,
            int minInputs,
            @Schema(description = "-1: any number") int maxInputs,
            @Schema(description = "Needs a key (keyBy or a key-by input)") boolean keyed,
            List<String> sideOutputs) {
    }
}
