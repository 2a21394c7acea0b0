package io.millrace.controlplane.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** {@link ApiProblem} → {@code application/problem+json} with its status (and Retry-After for 429). */
public class ApiProblemMapper {

    @ServerExceptionMapper
    public Response problem(ApiProblem problem, UriInfo uri) {
        return ProblemResponses.of(problem, uri == null ? null : uri.getPath());
    }
}
