package io.millrace.controlplane.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Builds problem+json responses; every mapper and filter of the API goes through here so they look alike. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(ApiProblem problem, String instance) {
        return of(problem, instance, null);
    }

    public static Response of(ApiProblem problem, String instance, String requestId) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(ProblemDetails.MEDIA_TYPE)
                .entity(problem.toDetails(instance, requestId));
        if (problem.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, problem.retryAfterSeconds());
        }
        if (problem.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }
}
