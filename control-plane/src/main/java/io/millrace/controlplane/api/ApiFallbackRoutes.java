package io.millrace.controlplane.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Unknown paths under {@code /api/v1}: the REST layer hands a request it has no resource for to the next route (so the
 * console's static files can be served); this last route answers the API's part of the URL space with a problem+json
 * 404 instead of the HTTP server's plain-text one.
 */
@ApplicationScoped
public class ApiFallbackRoutes {

    /** After every other route: only what nothing else served gets here. */
    static final int LAST = Integer.MAX_VALUE - 1000;

    private final ObjectMapper json;

    public ApiFallbackRoutes(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route("/api/v1/*").order(LAST).handler(this::notFound);
    }

    private void notFound(RoutingContext context) {
        ApiProblem problem = ApiProblem.notFound("nothing at " + context.request().path() + "; see /q/openapi for"
                + " the API");
        try {
            context.response().setStatusCode(404)
                    .putHeader(HttpHeaders.CONTENT_TYPE, ProblemDetails.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem.toDetails(context.request().path(), null)));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
