package io.millrace.spec.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millrace.spec.catalog.Catalog;
import io.millrace.spec.catalog.Condition;
import io.millrace.spec.catalog.DocumentShape;
import io.millrace.spec.catalog.NodeKindDescriptor;
import io.millrace.spec.catalog.SettingDescriptor;
import io.millrace.spec.catalog.SettingType;
import io.millrace.spec.catalog.SettingType.ObjectType;
import io.millrace.spec.catalog.SideOutput;

/**
 * Generates the pipeline document's JSON Schema (draft 2020-12) from the {@link Catalog}: the one
 * source the validator also reads, so the two cannot drift. Nodes are discriminated on {@code type}
 * with {@code if/then} into one {@code $defs/node-<type>} per kind, each closed with {@code
 * additionalProperties: false}. Rules a schema cannot express (graph, cross-node, expressions) are
 * left to the validator and listed in the README.
 */
public final class JsonSchemaGenerator {

  public static final String SCHEMA_ID = "https://millrace.io/schemas/pipeline/v1/pipeline.schema.json";
  static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final JsonNodeFactory json = JsonNodeFactory.instance;
  private final Catalog catalog;

  public JsonSchemaGenerator(Catalog catalog) {
    this.catalog = catalog;
  }

  public ObjectNode generate() {
    ObjectNode root = json.objectNode();
    root.put("$schema", DRAFT);
    root.put("$id", SCHEMA_ID);
    root.put("title", "Millrace pipeline");
    root.put("description", "A Millrace pipeline spec (" + DocumentShape.API_VERSION + "). Generated from the node catalog of "
        + "millrace-pipeline-spec; do not edit by hand.");
    root.setAll(object(DocumentShape.document()));
    ObjectNode defs = root.putObject("$defs");
    defs.set("node", nodeDispatch());
    for (NodeKindDescriptor kind : catalog.kinds()) {
      defs.set("node-" + kind.name(), node(kind));
    }
    return root;
  }

  /** The schema as pretty-printed JSON text with a trailing newline (the published file's bytes). */
  public String generateText() {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(generate()) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot print the generated schema", e);
    }
  }

  private ObjectNode nodeDispatch() {
    ObjectNode node = json.objectNode();
    node.put("description", "A node of the pipeline graph; `type` selects the node kind and its settings.");
    node.put("type", "object");
    node.putArray("required").add("type");
    ObjectNode type = node.putObject("properties").putObject("type");
    type.put("description", "The node kind: a built-in operator or a connector.");
    ArrayNode names = type.putArray("enum");
    catalog.kinds().forEach(k -> names.add(k.name()));
    ArrayNode allOf = node.putArray("allOf");
    for (NodeKindDescriptor kind : catalog.kinds()) {
      ObjectNode branch = allOf.addObject();
      ObjectNode condition = branch.putObject("if");
      condition.putObject("properties").putObject("type").put("const", kind.name());
      condition.putArray("required").add("type");
      branch.putObject("then").put("$ref", "#/$defs/node-" + kind.name());
    }
    return node;
  }

  private ObjectNode node(NodeKindDescriptor kind) {
    ObjectNode node = json.objectNode();
    node.put("title", kind.name());
    String rules = kind.rules().isEmpty() ? "" : " Rules: " + String.join("; ", kind.rules()) + ".";
    node.put("description", kind.description() + rules);
    node.put("x-millrace-role", kind.role().label());
    ArrayNode outputs = node.putArray("x-millrace-side-outputs");
    kind.sideOutputs().stream().map(SideOutput::name).forEach(outputs::add);
    node.setAll(object(catalog.nodeShape(kind)));
    if (node.path("properties").path("inputs") instanceof ObjectNode inputs) {
      inputs.put("minItems", kind.minInputs());
      if (kind.maxInputs() >= 0) {
        inputs.put("maxItems", kind.maxInputs());
      }
    }
    return node;
  }

  private ObjectNode object(ObjectType type) {
    ObjectNode schema = json.objectNode();
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = json.arrayNode();
    for (SettingDescriptor setting : type.settings()) {
      properties.set(setting.name(), property(setting));
      if (setting.required()) {
        required.add(setting.name());
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    schema.put("additionalProperties", false);
    ArrayNode conditions = json.arrayNode();
    type.conditions().forEach(c -> conditions.add(condition(type, c)));
    if (!conditions.isEmpty()) {
      schema.set("allOf", conditions);
    }
    return schema;
  }

  private ObjectNode property(SettingDescriptor setting) {
    ObjectNode schema = json.objectNode();
    schema.put("description", setting.description());
    schema.setAll(type(setting.type()));
    if (setting.defaultValue() != null) {
      schema.set("default", MAPPER.valueToTree(setting.defaultValue()));
    }
    if (setting.example() != null) {
      schema.putArray("examples").add(MAPPER.<JsonNode>valueToTree(setting.example()));
    }
    return schema;
  }

  private ObjectNode type(SettingType type) {
    ObjectNode schema = json.objectNode();
    if (type instanceof SettingType.StringType s) {
      schema.put("type", "string");
      schema.put("minLength", 1);
      if (s.pattern() != null) {
        schema.put("pattern", "^" + s.pattern() + "$");
      }
      if (s.maxLength() != Integer.MAX_VALUE) {
        schema.put("maxLength", s.maxLength());
      }
    } else if (type instanceof SettingType.IntType i) {
      schema.put("type", "integer");
      if (i.min() != null) {
        schema.put("minimum", i.min());
      }
      if (i.max() != null) {
        schema.put("maximum", i.max());
      }
    } else if (type instanceof SettingType.NumberType n) {
      schema.put("type", "number");
      if (n.min() != null) {
        schema.put("minimum", n.min());
      }
      if (n.max() != null) {
        schema.put("maximum", n.max());
      }
    } else if (type instanceof SettingType.BoolType) {
      schema.put("type", "boolean");
    } else if (type instanceof SettingType.DurationType d) {
      schema.put("type", "string");
      schema.put("pattern", d.allowZero() ? "^[0-9]{1,12}(ms|s|m|h|d)$" : "^(?!0+(ms|s|m|h|d)$)[0-9]{1,12}(ms|s|m|h|d)$");
      schema.put("x-millrace-format", "duration");
    } else if (type instanceof SettingType.SizeType) {
      schema.put("type", "string");
      schema.put("pattern", "^[0-9]{1,9}(B|KB|MB|GB)$");
      schema.put("x-millrace-format", "size");
    } else if (type instanceof SettingType.EnumType e) {
      schema.put("type", "string");
      if (e.values().size() == 1) {
        schema.put("const", e.values().get(0));
      } else {
        ArrayNode values = schema.putArray("enum");
        e.values().forEach(values::add);
      }
    } else if (type instanceof SettingType.ExpressionType x) {
      schema.put("type", "string");
      schema.put("pattern", "\\S");
      schema.put("x-millrace-expression", x.kind().name().toLowerCase(java.util.Locale.ROOT));
    } else if (type instanceof SettingType.ListType l) {
      schema.put("type", "array");
      schema.set("items", type(l.items()));
      if (l.minItems() > 0) {
        schema.put("minItems", l.minItems());
      }
    } else if (type instanceof SettingType.MapType m) {
      schema.put("type", "object");
      if (m.keyPattern() != null) {
        schema.putObject("propertyNames").put("pattern", "^" + m.keyPattern() + "$");
      }
      schema.set("additionalProperties", type(m.values()));
    } else if (type instanceof ObjectType o) {
      schema.setAll(object(o));
    } else if (type instanceof SettingType.NodeListType) {
      schema.put("type", "array");
      schema.putObject("items").put("$ref", "#/$defs/node");
    }
    return schema;
  }

  private ObjectNode condition(ObjectType type, Condition condition) {
    ObjectNode schema = json.objectNode();
    if (condition instanceof Condition.RequiredWhen r) {
      schema.set("if", when(type, r.when(), r.values()));
      schema.putObject("then").putArray("required").add(r.setting());
    } else if (condition instanceof Condition.ForbiddenWhen f) {
      schema.set("if", when(type, f.when(), f.values()));
      schema.putObject("then").putObject("not").putArray("required").add(f.setting());
    } else if (condition instanceof Condition.ExactlyOneOf e) {
      ArrayNode oneOf = schema.putArray("oneOf");
      e.settings().forEach(s -> oneOf.addObject().putArray("required").add(s));
    } else if (condition instanceof Condition.AtMostOneOf a) {
      // No two of them together: not (any pair present).
      ArrayNode pairs = schema.putObject("not").putArray("anyOf");
      for (int i = 0; i < a.settings().size(); i++) {
        for (int j = i + 1; j < a.settings().size(); j++) {
          pairs.addObject().putArray("required").add(a.settings().get(i)).add(a.settings().get(j));
        }
      }
    }
    return schema;
  }

  /** Matches when {@code name} is one of {@code values}; an absent value counts as its default. */
  private ObjectNode when(ObjectType type, String name, java.util.Set<String> values) {
    ObjectNode schema = json.objectNode();
    ArrayNode allowed = schema.putObject("properties").putObject(name).putArray("enum");
    values.stream().sorted().forEach(allowed::add);
    Object defaultValue = type.setting(name).map(SettingDescriptor::defaultValue).orElse(null);
    if (defaultValue == null || !values.contains(String.valueOf(defaultValue))) {
      schema.putArray("required").add(name);
    }
    return schema;
  }
}
