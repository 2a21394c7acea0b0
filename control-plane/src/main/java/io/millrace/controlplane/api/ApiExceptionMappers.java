package io.millrace.controlplane.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.millrace.controlplane.security.token.ApiTokenRejected;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure of a REST call becomes problem+json: authentication (401), authorization (403), request bodies Jackson
 * cannot read (400, located by line/column and field), JAX-RS' own errors (404, 405, 406, 415, ...), and anything
 * unexpected (500 with a request id that is also in the log line; never a stack trace in the body). More specific
 * mappers of a feature package still win for their own exceptions.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return ProblemResponses.of(ApiProblem.unauthorized(reasonOf(e)), path(uri));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return ProblemResponses.of(ApiProblem.unauthorized("send 'Authorization: Bearer <token>' with an OIDC"
                + " access token or a Millrace API token"), path(uri));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(ApiProblem.forbidden("your role does not allow this"), path(uri));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = fieldPath(e);
        String known = e.getKnownPropertyIds() == null ? "" : "; known fields: "
                + String.join(", ", e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList());
        return body(uri, field, e.getLocation(), "unknown field '" + e.getPropertyName() + "'" + known,
                "the request body has an unknown field '" + field + "'; remove it");
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonMappingException e, UriInfo uri) {
        if (e.getCause() instanceof JsonParseException parse) {
            return malformed(parse, uri); // Jackson wraps a syntax error met inside a deserializer
        }
        String field = fieldPath(e);
        String message = e.getOriginalMessage() == null ? "cannot be read" : firstLine(e.getOriginalMessage());
        return body(uri, field.isEmpty() ? null : field, e.getLocation(), message,
                "the request body does not match the expected shape" + (field.isEmpty() ? "" : " at '" + field + "'")
                        + ": " + message);
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, UriInfo uri) {
        String message = firstLine(e.getOriginalMessage());
        JsonLocation at = e.getLocation();
        return body(uri, null, at, message, "the request body is not valid JSON" + (at == null ? "" : " at line "
                + at.getLineNr() + ", column " + at.getColumnNr()) + ": " + message);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        return malformedBody(uri, firstLine(e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response jaxRs(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        if (original != null && original.hasEntity()) {
            return original; // a resource built its own answer (e.g. the jobs API's problem)
        }
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return json instanceof JsonParseException parse ? malformed(parse, uri)
                    : json instanceof JsonMappingException bind ? unreadable(bind, uri) : otherJson(json, uri);
        }
        ApiProblem problem = switch (status) {
            case 400 -> ApiProblem.badRequest(detailOr(e, "the request is not valid"));
            case 401 -> ApiProblem.unauthorized("send 'Authorization: Bearer <token>'");
            case 403 -> ApiProblem.forbidden("your role does not allow this");
            case 404 -> ApiProblem.notFound("nothing at " + path(uri) + "; see /q/openapi for the API");
            case 405 -> new ApiProblem(405, "method-not-allowed", "Method not allowed", "this resource does not"
                    + " support that method; see /q/openapi for what it supports");
            case 406 -> new ApiProblem(406, "not-acceptable", "Not acceptable", "this resource answers"
                    + " application/json (errors application/problem+json); accept one of them");
            case 413 -> new ApiProblem(413, "payload-too-large", "Request body too large", "the request body is"
                    + " over the limit; send a smaller one");
            case 415 -> new ApiProblem(415, "unsupported-media-type", "Unsupported media type", "this resource"
                    + " does not read that Content-Type; send application/json");
            default -> new ApiProblem(status, "http-" + status, "HTTP " + status, detailOr(e, "HTTP " + status));
        };
        return ProblemResponses.of(problem, path(uri));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String requestId = UUID.randomUUID().toString();
        LOG.errorf(e, "request %s %s failed unexpectedly", requestId, path(uri));
        ApiProblem problem = new ApiProblem(500, "internal-error", "Internal error", "the control plane failed to"
                + " answer; the operators' log has the cause under request id " + requestId);
        return ProblemResponses.of(problem, path(uri), requestId);
    }

    private static Response body(UriInfo uri, String field, JsonLocation at, String fieldMessage, String detail) {
        Integer line = at == null || at.getLineNr() < 0 ? null : at.getLineNr();
        Integer column = at == null || at.getColumnNr() < 0 ? null : at.getColumnNr();
        ApiProblem problem = new ApiProblem(400, "malformed-body", "Request body cannot be read", detail,
                List.of(FieldError.at(field, line, column, fieldMessage)));
        return ProblemResponses.of(problem, path(uri));
    }

    private static Response malformedBody(UriInfo uri, String message) {
        return ProblemResponses.of(new ApiProblem(400, "malformed-body", "Request body cannot be read",
                "the request body cannot be read: " + message), path(uri));
    }

    /** {@code scopes[1]}, {@code a.b}: the path of the property where Jackson stopped. */
    static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String reasonOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiTokenRejected rejected) {
                return rejected.getMessage();
            }
        }
        return "the bearer token is invalid, expired or not meant for this API; get a new one";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "cannot be read";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String detailOr(WebApplicationException e, String fallback) {
        String message = e.getMessage();
        return message == null || message.isBlank() || message.startsWith("HTTP ") ? fallback : message;
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
