package io.millrace.spec.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.spec.expr.FieldType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A source's {@code schema: {fields: [{name, type}]}} inferred from sample records (JSON objects), in the form {@link
 * RecordSchemas#declared} reads back. Rules, per top-level field in first-seen order: strings {@code string}, integers
 * {@code int}, other numbers {@code double} (integers and decimals mixed: {@code double}), booleans {@code bool},
 * objects {@code map}, arrays {@code list}; a field whose samples disagree otherwise, or that is only ever null, is
 * {@code any} with a note. Strings stay {@code string} even when they look like timestamps: a JSON source hands them to
 * expressions as strings. A name that is not an identifier cannot be declared; it is left out with a note.
 */
public final class SchemaInference {

  private static final Pattern IDENTIFIER = Pattern.compile(SettingTypes.IDENTIFIER_PATTERN);

  /** The inferred fields and what the user should know about them (left-out names, conflicts, missing values). */
  public record Inferred(List<Field> fields, List<String> notes) {
    public Inferred {
      fields = List.copyOf(fields);
      notes = List.copyOf(notes);
    }
  }

  /** One declared field; {@code type} as the spec writes it ({@code int}, {@code string}...). */
  public record Field(String name, String type) {}

  private SchemaInference() {}

  /**
   * Infers the schema of {@code samples}.
   *
   * @throws IllegalArgumentException naming the first sample that is not a JSON object
   */
  public static Inferred infer(List<JsonNode> samples) {
    Map<String, Set<FieldType>> seen = new LinkedHashMap<>();
    Map<String, Integer> present = new LinkedHashMap<>();
    for (int i = 0; i < samples.size(); i++) {
      JsonNode sample = samples.get(i);
      if (sample == null || !sample.isObject()) {
        throw new IllegalArgumentException("sample " + i + " is " + describe(sample)
            + "; a schema describes records that are JSON objects");
      }
      var names = sample.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        Set<FieldType> types = seen.computeIfAbsent(name, n -> EnumSet.noneOf(FieldType.class));
        present.merge(name, 1, Integer::sum);
        FieldType type = typeOf(sample.get(name));
        if (type != null) {
          types.add(type);
        }
      }
    }
    List<Field> fields = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Map.Entry<String, Set<FieldType>> entry : seen.entrySet()) {
      String name = entry.getKey();
      if (!IDENTIFIER.matcher(name).matches()) {
        notes.add("field '" + name + "' is left out: a declared field name must match " + SettingTypes.IDENTIFIER_PATTERN);
        continue;
      }
      Set<FieldType> types = entry.getValue();
      if (types.equals(EnumSet.of(FieldType.INT, FieldType.DOUBLE))) {
        types = EnumSet.of(FieldType.DOUBLE);
      }
      FieldType type;
      if (types.size() == 1) {
        type = types.iterator().next();
      } else {
        type = FieldType.ANY;
        notes.add(types.isEmpty() ? "field '" + name + "' is only ever null: declared any"
            : "field '" + name + "' has values of several types " + lower(types) + ": declared any");
      }
      int count = present.get(name);
      if (count < samples.size()) {
        notes.add("field '" + name + "' is missing in " + (samples.size() - count) + " of " + samples.size()
            + " samples");
      }
      fields.add(new Field(name, type.name().toLowerCase(Locale.ROOT)));
    }
    return new Inferred(fields, notes);
  }

  private static FieldType typeOf(JsonNode value) {
    if (value.isTextual()) {
      return FieldType.STRING;
    }
    if (value.isIntegralNumber()) {
      return FieldType.INT;
    }
    if (value.isNumber()) {
      return FieldType.DOUBLE;
    }
    if (value.isBoolean()) {
      return FieldType.BOOL;
    }
    if (value.isObject()) {
      return FieldType.MAP;
    }
    if (value.isArray()) {
      return FieldType.LIST;
    }
    return null; // null says nothing about the type
  }

  private static List<String> lower(Set<FieldType> types) {
    return types.stream().map(t -> t.name().toLowerCase(Locale.ROOT)).toList();
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isNull()) {
      return "null";
    }
    if (node.isArray()) {
      return "an array";
    }
    return "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
