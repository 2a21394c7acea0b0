package io.millrace.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.cli.output.Json;

/**
 * Renders the located problems of a {@code :validate} answer as {@code file:line:column: severity: message}, each
 * followed by its hint, the shape compilers use so editors and CI logs link to the spot.
 */
final class Diagnostics {

    private Diagnostics() {
    }

    static String render(String file, JsonNode validation) {
        StringBuilder out = new StringBuilder();
        append(out, file, validation.path("errors"), "error");
        append(out, file, validation.path("warnings"), "warning");
        return out.toString();
    }

    private static void append(StringBuilder out, String file, JsonNode problems, String severity) {
        for (JsonNode p : problems) {
            out.append(file).append(':').append(p.path("line").asInt(1)).append(':').append(p.path("column").asInt(1))
                    .append(": ").append(severity).append(": ").append(Json.text(p, "message"));
            String code = Json.text(p, "code");
            if (code != null) {
                out.append(" [").append(code).append(']');
            }
            out.append('\n');
            String hint = Json.text(p, "hint");
            if (hint != null && !hint.isBlank()) {
                out.append("  hint: ").append(hint).append('\n');
            }
        }
    }
}
