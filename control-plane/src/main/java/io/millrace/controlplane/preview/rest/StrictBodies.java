package io.millrace.controlplane.preview.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.api.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Request bodies of this package, read strictly: an unknown field or a value of the wrong type is a 400 naming the
 * field (and the known ones), never silently ignored — a typo like {@code maxRecordPerNode} must not fall back to a
 * default without telling the caller.
 */
final class StrictBodies {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private StrictBodies() {}

    static <T> T read(JsonNode body, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.badRequest("the body must be a JSON object");
        }
        try {
            return STRICT.treeToValue(body, type);
        } catch (UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? ""
                    : unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", "));
            String field = path(unknown);
            throw ApiProblem.badRequest("unknown field '" + field + "'; the known fields are: " + known,
                    List.of(FieldError.field(field, "unknown field")));
        } catch (JsonMappingException wrong) {
            String field = path(wrong);
            throw ApiProblem.badRequest("field '" + field + "' has the wrong type: " + wrong.getOriginalMessage(),
                    List.of(FieldError.field(field, "wrong type")));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiProblem.badRequest("the body cannot be read: " + e.getOriginalMessage());
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
