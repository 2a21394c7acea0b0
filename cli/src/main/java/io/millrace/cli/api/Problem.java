package io.millrace.cli.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** An RFC 9457 problem as the control plane sends it ({@code application/problem+json}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
        List<FieldError> errors) {

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** For an error answer that is not problem+json (a proxy, an old server): status and a short body excerpt. */
    public static Problem synthetic(int status, String reason, String detail) {
        return new Problem("about:blank", reason, status, detail, null, null, List.of());
    }
}
