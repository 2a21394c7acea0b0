package io.millrace.controlplane.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One located problem in a request: {@code field} names a JSON property path ({@code scopes[1]}), {@code pointer} an
 * RFC 6901 JSON pointer ({@code /scopes/1}); {@code line}/{@code column} locate it in the body text when known.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FieldError", description = "Where in the request something is wrong, and why.")
public record FieldError(String field, String pointer, Integer line, Integer column, String message) {

    public static FieldError field(String field, String message) {
        return new FieldError(field, pointerOf(field), null, null, message);
    }

    public static FieldError at(String field, Integer line, Integer column, String message) {
        return new FieldError(field, field == null ? null : pointerOf(field), line, column, message);
    }

    /** {@code a.b[2]} → {@code /a/b/2}. */
    static String pointerOf(String field) {
        if (field == null || field.isEmpty()) {
            return "";
        }
        StringBuilder pointer = new StringBuilder();
        for (String part : field.replace("[", ".").replace("]", "").split("\\.")) {
            if (!part.isEmpty()) {
                pointer.append('/').append(part.replace("~", "~0").replace("/", "~1"));
            }
        }
        return pointer.toString();
    }
}
