package io.millrace.controlplane.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details: the body of every error under {@code /api/v1}. {@code type} is stable (clients switch on
 * it); {@code title} is the same for every occurrence of a type; {@code detail} says what happened this time and how
 * to fix it; {@code requestId} matches the server's log line.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ProblemDetails", description = "What went wrong, why, and how to fix it (RFC 9457).")
public record ProblemDetails(String type, String title, int status, String detail, String instance,
        String requestId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
