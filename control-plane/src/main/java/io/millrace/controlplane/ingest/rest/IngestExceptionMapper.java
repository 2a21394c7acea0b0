package io.millrace.controlplane.ingest.rest;

import io.millrace.controlplane.ingest.service.IngestException;
import io.millrace.controlplane.job.rest.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Ingest failures as problem+json with the precise message (never a stack trace). */
public class IngestExceptionMapper {

    @ServerExceptionMapper
    public Response failed(IngestException e) {
        return switch (e.kind()) {
            case INVALID -> problem(400, "Invalid records", e.getMessage());
            case TOO_LARGE -> problem(413, "Too large", e.getMessage());
            case FORBIDDEN -> problem(403, "No tenant", e.getMessage());
            case UNAVAILABLE -> problem(503, "Kafka unavailable", e.getMessage());
        };
    }

    private static Response problem(int status, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail)).build();
    }
}
