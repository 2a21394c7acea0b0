package io.millrace.controlplane.ingest.rest;

import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.api.ProblemResponses;
import io.millrace.controlplane.ingest.service.IngestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Ingest failures as problem+json with the precise message (never a stack trace). */
public class IngestExceptionMapper {

    @ServerExceptionMapper
    public Response failed(IngestException e, UriInfo uri) {
        ApiProblem problem = switch (e.kind()) {
            case INVALID -> new ApiProblem(400, "invalid-records", "Invalid records", e.getMessage());
            case TOO_LARGE -> new ApiProblem(413, "payload-too-large", "Request body too large", e.getMessage());
            case FORBIDDEN -> ApiProblem.forbidden(e.getMessage());
            case UNAVAILABLE -> new ApiProblem(503, "kafka-unavailable", "Kafka unavailable", e.getMessage());
        };
        return ProblemResponses.of(problem, uri == null ? null : uri.getPath());
    }
}
