package io.millrace.spec.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.spec.catalog.BuiltinNodeKinds;
import io.millrace.spec.catalog.NodeRole;
import io.millrace.spec.catalog.RecordSchemas;
import io.millrace.spec.catalog.SettingTypes;
import io.millrace.spec.catalog.SideOutput;
import io.millrace.spec.expr.FieldType;
import io.millrace.spec.expr.RecordType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Computes, node by node in topological order, the record type flowing out of each node (the
 * agreed rules: sources → what their connector declares (a declared schema, Nexmark events...) or dynamic; filter, key-by, deduplicate keep their input's
 * type; union keeps it when all inputs agree; window-aggregate → {key, windowStart, windowEnd,
 * aggregates}; everything else → dynamic). Checks aggregate fields against typed inputs.
 */
final class TypeFlow {

  private static final Pattern IDENTIFIER = Pattern.compile(SettingTypes.IDENTIFIER_PATTERN);

  private final Diagnostics diagnostics;
  private final Map<String, GraphNode> byId;
  private final Map<Integer, RecordType> outputs = new HashMap<>();

  TypeFlow(Diagnostics diagnostics, Map<String, GraphNode> byId) {
    this.diagnostics = diagnostics;
    this.byId = byId;
  }

  /** Record types by node id; nodes without a valid id are left out. */
  Map<String, RecordType> run(List<GraphNode> order) {
    Map<String, RecordType> byName = new LinkedHashMap<>();
    for (GraphNode node : order) {
      RecordType type = outputOf(node);
      outputs.put(node.index(), type);
      if (node.id() != null) {
        byName.putIfAbsent(node.id(), type);
      }
    }
    return byName;
  }

  /** The type of the records arriving through a node's {@code i}-th input (dynamic if unknown). */
  RecordType inputType(GraphNode node, int i) {
    if (i >= node.inputs().size()) {
      return RecordType.dynamicRecord();
    }
    GraphNode.Input input = node.inputs().get(i);
    GraphNode upstream = byId.get(input.ref().nodeId());
    if (upstream == null) {
      return RecordType.dynamicRecord();
    }
    if (input.ref().isMainOutput()) {
      return outputs.getOrDefault(upstream.index(), RecordType.dynamicRecord());
    }
    if (input.ref().output().get().equals(SideOutput.LATE)) {
      return inputType(upstream, 0); // late events are the window's input records
    }
    return RecordType.dynamicRecord(); // dead-letter records: {reason, record, node}
  }

  /** What a source's own expressions (the watermark timestamp) read: the records it emits. */
  RecordType inputTypeOfSource(GraphNode source) {
    return sourceOutput(source);
  }

  /** The connector's declared output type; dynamic if its rule fails (a connector's bug must not stop validation). */
  private static RecordType sourceOutput(GraphNode source) {
    if (source.kind() == null) {
      return RecordType.dynamicRecord();
    }
    try {
      RecordType type = source.kind().sourceOutput().outputType(source.json());
      return type == null ? RecordType.dynamicRecord() : type;
    } catch (RuntimeException e) {
      return RecordType.dynamicRecord();
    }
  }

  private RecordType outputOf(GraphNode node) {
    if (node.kind() == null) {
      return RecordType.dynamicRecord();
    }
    if (node.kind().role() == NodeRole.SOURCE) {
      return sourceOutput(node);
    }
    return switch (node.kind().name()) {
      case BuiltinNodeKinds.FILTER, BuiltinNodeKinds.KEY_BY, BuiltinNodeKinds.DEDUPLICATE -> inputType(node, 0);
      case BuiltinNodeKinds.UNION -> unionType(node);
      case BuiltinNodeKinds.WINDOW_AGGREGATE -> windowOutput(node);
      default -> RecordType.dynamicRecord();
    };
  }

  static FieldType fieldType(String name) {
    return RecordSchemas.fieldType(name);
  }

  private RecordType unionType(GraphNode node) {
    RecordType first = inputType(node, 0);
    for (int i = 1; i < node.inputs().size(); i++) {
      if (!inputType(node, i).equals(first)) {
        return RecordType.dynamicRecord();
      }
    }
    return first;
  }

  private RecordType windowOutput(GraphNode node) {
    RecordType input = inputType(node, 0);
    Map<String, FieldType> fields = new LinkedHashMap<>();
    fields.put("key", FieldType.ANY);
    fields.put("windowStart", FieldType.TIMESTAMP);
    fields.put("windowEnd", FieldType.TIMESTAMP);
    JsonNode aggregates = node.json().path("aggregates");
    for (int i = 0; i < aggregates.size(); i++) {
      JsonNode aggregate = aggregates.get(i);
      String name = JsonText.text(aggregate, "name");
      String fn = JsonText.text(aggregate, "fn");
      if (name == null || fn == null || !IDENTIFIER.matcher(name).matches()) {
        return RecordType.dynamicRecord();
      }
      FieldType fieldType = fieldTypeOf(node, input, aggregate, node.pointer() + "/aggregates/" + i + "/field", fn);
      FieldType result = switch (fn) {
        case "count" -> FieldType.INT;
        case "avg" -> FieldType.DOUBLE;
        case "sum" -> fieldType == FieldType.INT || fieldType == FieldType.DOUBLE ? fieldType : FieldType.ANY;
        case "min", "max", "first", "last" -> fieldType == null ? FieldType.ANY : fieldType;
        default -> FieldType.ANY;
      };
      fields.putIfAbsent(name, result);
    }
    return RecordType.of(fields);
  }

  /** The declared type of an aggregate's input field; reports unknown or non-numeric fields. */
  private FieldType fieldTypeOf(GraphNode node, RecordType input, JsonNode aggregate, String pointer, String fn) {
    String field = JsonText.text(aggregate, "field");
    if (field == null || input.dynamic()) {
      return null;
    }
    FieldType type = input.fields().get(field);
    if (type == null) {
      diagnostics.error("unknown-record-field", pointer, "the input records of " + node.label() + " have no field '" + JsonText.abbreviate(field) + "'",
          DidYouMean.hint(field, input.fields().keySet(), "declared fields: " + String.join(", ", input.fields().keySet())));
      return null;
    }
    boolean numeric = type == FieldType.INT || type == FieldType.DOUBLE || type == FieldType.ANY;
    if ((fn.equals("sum") || fn.equals("avg")) && !numeric) {
      diagnostics.error("wrong-field-type", pointer, fn + " needs a number, but field '" + field + "' is " + type.name().toLowerCase(Locale.ROOT),
          "aggregate an int or double field, or use count/first/last");
    }
    return type;
  }
}
