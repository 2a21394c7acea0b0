package io.millrace.spec.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.spec.expr.FieldType;
import io.millrace.spec.expr.RecordType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a source's {@code schema: {fields: [{name, type}]}} as written, leniently. */
public final class RecordSchemas {

  private static final Pattern IDENTIFIER = Pattern.compile(SettingTypes.IDENTIFIER_PATTERN);

  private RecordSchemas() {}

  /** The declared record type; empty when there is no schema or it is broken (reported elsewhere). */
  public static Optional<RecordType> declared(JsonNode schema) {
    JsonNode fields = schema == null ? null : schema.path("fields");
    if (fields == null || !fields.isArray() || fields.isEmpty()) {
      return Optional.empty();
    }
    Map<String, FieldType> types = new LinkedHashMap<>();
    for (JsonNode field : fields) {
      String name = text(field, "name");
      FieldType type = fieldType(text(field, "type"));
      if (name == null || type == null || !IDENTIFIER.matcher(name).matches()) {
        return Optional.empty(); // do not guess
      }
      types.put(name, type);
    }
    return Optional.of(RecordType.of(types));
  }

  /** The field type written in lower case ({@code int}, {@code string}...), or null. */
  public static FieldType fieldType(String name) {
    if (name == null) {
      return null;
    }
    for (FieldType t : FieldType.values()) {
      if (t.name().toLowerCase(Locale.ROOT).equals(name)) {
        return t;
      }
    }
    return null;
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }
}
