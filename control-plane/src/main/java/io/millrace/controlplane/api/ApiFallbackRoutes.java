package io.millrace.controlplane.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Vert.x routes that keep {@code /api/v1} answering problem+json where the REST layer never sees the request:
 * <ul>
 * <li>unknown paths: the REST layer hands a request it has no resource for to the next route (so the console's static
 * files can be served); the last route answers the API's part of the URL space with a problem+json 404;</li>
 * <li>a declared {@code Content-Length} over {@code quarkus.http.limits.max-body-size}: Quarkus' own check (route order
 * -2) answers an empty 413; this route runs just before it with the same rule and a problem+json body. A chunked body
 * over the limit is cut while the REST layer reads it and answers 413 through {@link ApiExceptionMappers}.</li>
 * </ul>
 */
@ApplicationScoped
public class ApiFallbackRoutes {

    /** After every other route: only what nothing else served gets here. */
    static final int LAST = Integer.MAX_VALUE - 1000;

    /** Just before Quarkus' body-size check (order -2). */
    static final int BEFORE_BODY_LIMIT = -3;

    private final ObjectMapper json;
    private final long maxBodySize;

    public ApiFallbackRoutes(ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.json = json;
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route("/api/v1/*").order(BEFORE_BODY_LIMIT).handler(this::bodyLimit);
        router.route("/api/v1/*").order(LAST).handler(this::notFound);
    }

    private void bodyLimit(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1; // the HTTP codec refuses a malformed length itself
        }
        if (length <= maxBodySize) {
            context.next();
            return;
        }
        ApiProblem problem = new ApiProblem(413, "payload-too-large", "Request body too large", "the request body"
                + " declares " + length + " bytes, over the limit of " + maxBodySize + " bytes"
                + " (quarkus.http.limits.max-body-size); send a smaller one");
        // The client may still be sending: close the connection after the answer instead of reading the body.
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        write(context, problem);
    }

    private void notFound(RoutingContext context) {
        ApiProblem problem = ApiProblem.notFound("nothing at " + context.request().path() + "; see /q/openapi for"
                + " the API");
        write(context, problem);
    }

    private void write(RoutingContext context, ApiProblem problem) {
        try {
            context.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, ProblemDetails.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem.toDetails(context.request().path(), null)));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
