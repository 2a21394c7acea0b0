package io.millrace.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Reading fields of API answers for tables, and printing answers as indented JSON. */
public final class Json {

    private Json() {
    }

    /** Indented JSON of a tree, ending with a newline. */
    public static String pretty(ObjectMapper json, JsonNode tree) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** A field's text, or null when absent or JSON null; nested fields by dots ({@code pipeline.name}). */
    public static String text(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            if (current == null || current.isNull() || current.isMissingNode()) {
                return null;
            }
            current = current.get(part);
        }
        if (current == null || current.isNull() || current.isMissingNode()) {
            return null;
        }
        return current.isValueNode() ? current.asText() : current.toString();
    }

    /** An ISO-8601 instant field shortened to seconds ({@code 2026-11-21T07:54:54Z}); null when absent. */
    public static String instant(JsonNode node, String path) {
        String value = text(node, path);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value).truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException e) {
            return value;
        }
    }
}
