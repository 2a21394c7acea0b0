package io.millrace.spec.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.spec.expr.FieldType;
import io.millrace.spec.expr.RecordType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The records {@code datagen-source} emits: a declared {@code schema} when there is one; else the
 * Nexmark events of {@code nexmark.stream} ({@link NexmarkRecords}); else one field per field
 * spec, typed by its kind (sequence and random-int → int, random-double → double, timestamp →
 * timestamp, random-string, one-of and uuid → string). Dynamic when the settings are broken.
 */
final class DatagenOutputType implements OutputTypeRule {

  private static final Pattern IDENTIFIER = Pattern.compile(SettingTypes.IDENTIFIER_PATTERN);

  @Override
  public RecordType outputType(JsonNode node) {
    var declared = RecordSchemas.declared(node.path("schema"));
    if (declared.isPresent()) {
      return declared.get();
    }
    String generator = node.has("generator") ? RecordSchemas.text(node, "generator") : "fields";
    if ("nexmark".equals(generator)) {
      JsonNode options = node.path("nexmark");
      String stream = options.has("stream") ? RecordSchemas.text(options, "stream") : "all";
      RecordType type = stream == null ? null : NexmarkRecords.forStream(stream);
      return type == null ? RecordType.dynamicRecord() : type;
    }
    if ("fields".equals(generator)) {
      return fieldSpecs(node.path("fields"));
    }
    return RecordType.dynamicRecord();
  }

  private static RecordType fieldSpecs(JsonNode specs) {
    if (!specs.isArray() || specs.isEmpty()) {
      return RecordType.dynamicRecord();
    }
    Map<String, FieldType> fields = new LinkedHashMap<>();
    for (JsonNode spec : specs) {
      String name = RecordSchemas.text(spec, "name");
      FieldType type = typeOfKind(RecordSchemas.text(spec, "kind"));
      if (name == null || type == null || !IDENTIFIER.matcher(name).matches() || fields.containsKey(name)) {
        return RecordType.dynamicRecord();
      }
      fields.put(name, type);
    }
    return RecordType.of(fields);
  }

  private static FieldType typeOfKind(String kind) {
    if (kind == null) {
      return null;
    }
    return switch (kind) {
      case "sequence", "random-int" -> FieldType.INT;
      case "random-double" -> FieldType.DOUBLE;
      case "timestamp" -> FieldType.TIMESTAMP;
      case "random-string", "one-of", "uuid" -> FieldType.STRING;
      default -> null;
    };
  }
}
