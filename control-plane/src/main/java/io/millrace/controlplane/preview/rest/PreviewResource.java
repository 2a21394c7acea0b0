package io.millrace.controlplane.preview.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.api.FieldError;
import io.millrace.controlplane.preview.service.PreviewCommand;
import io.millrace.controlplane.preview.service.PreviewReport;
import io.millrace.controlplane.preview.service.PreviewService;
import io.millrace.controlplane.security.Caller;
import io.millrace.controlplane.security.CallerContext;
import io.millrace.controlplane.security.Role;
import io.millrace.spec.parse.Format;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Runs a draft pipeline on sample records in a sandbox on a worker and returns what every node emitted. Writes
 * nothing, so any member (viewer included) may preview; the caller's tenant travels with the request to the worker.
 */
@Path("/api/v1/pipelines:preview")
@Tag(name = "Pipelines")
@Authenticated
@Blocking
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PreviewResource {

    private final CallerContext callers;
    private final PreviewService previews;

    public PreviewResource(CallerContext callers, PreviewService previews) {
        this.callers = callers;
        this.previews = previews;
    }

    @POST
    @Operation(summary = "Preview a pipeline on sample records",
            description = "400 invalid-spec with located errors; 400 preview-not-runnable (e.g. a Kafka source without"
                    + " samples); 413 when the samples exceed the limits; 503 when no worker speaking protocol 1.4+ is"
                    + " connected; 504 when the worker does not answer in time.")
    public PreviewReport preview(JsonNode body) throws InterruptedException {
        Caller caller = callers.require(Role.VIEWER);
        PreviewRequest request = StrictBodies.read(body, PreviewRequest.class);
        return previews.preview(caller, new PreviewCommand(request.spec(), format(request.format()),
                request.samples(), request.maxRecordsPerNode(), request.timeLimitMs()));
    }

    private static Format format(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Format.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw ApiProblem.badRequest("format must be yaml or json, was '" + text + "'",
                    List.of(FieldError.field("format", "yaml or json")));
        }
    }
}
