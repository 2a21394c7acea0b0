package io.millrace.spec.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.spec.catalog.Catalog;
import io.millrace.spec.catalog.Condition;
import io.millrace.spec.catalog.NodeKindDescriptor;
import io.millrace.spec.catalog.NodeRole;
import io.millrace.spec.catalog.SettingDescriptor;
import io.millrace.spec.catalog.SettingType;
import io.millrace.spec.catalog.SettingType.ObjectType;
import io.millrace.spec.catalog.SettingTypes;
import io.millrace.spec.model.Durations;
import io.millrace.spec.model.Sizes;
import io.millrace.spec.parse.JsonPointers;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the document against the catalog, value by value: unknown and missing settings, value
 * types, enums, patterns, bounds, durations, sizes, and the catalog's conditions. Reports every
 * problem and keeps going; collects the expressions it meets for the expression checker.
 */
final class ShapeChecker {

  private static final String NODES = "/spec/nodes";

  private final Catalog catalog;
  private final ShapeCache cache;
  private final Diagnostics diagnostics;
  private final List<ExpressionSite> expressions = new ArrayList<>();
  private int currentNode = -1;
  private String currentNodePointer = "";

  ShapeChecker(Catalog catalog, ShapeCache cache, Diagnostics diagnostics) {
    this.catalog = catalog;
    this.cache = cache;
    this.diagnostics = diagnostics;
  }

  List<ExpressionSite> expressions() {
    return expressions;
  }

  void check(JsonNode root) {
    checkValue(cache.document(), root, "", "the document");
  }

  private void checkValue(SettingType type, JsonNode value, String pointer, String label) {
    if (type instanceof ObjectType object) {
      checkObject(object, value, pointer, label);
    } else if (type instanceof SettingType.NodeListType) {
      checkNodes(value, pointer);
    } else if (type instanceof SettingType.ListType list) {
      checkList(list, value, pointer, label);
    } else if (type instanceof SettingType.MapType map) {
      checkMap(map, value, pointer, label);
    } else {
      checkScalar(type, value, pointer, label);
    }
  }

  private void wrongType(SettingType type, JsonNode value, String pointer, String label) {
    diagnostics.error("wrong-type", pointer, label + " must be " + type.displayName() + ", not " + JsonText.describe(value),
        exampleHint(type));
  }

  private static String exampleHint(SettingType type) {
    if (type instanceof SettingType.DurationType) {
      return "write a duration such as 500ms, 10s, 5m, 1h or 1d";
    }
    if (type instanceof SettingType.SizeType) {
      return "write a size such as 512B, 64KB or 1MB";
    }
    if (type instanceof SettingType.ExpressionType) {
      return "write the CEL expression as a string, quoted if it contains ':' or '#'";
    }
    if (type instanceof SettingType.EnumType e) {
      return "use one of: " + String.join(", ", e.values());
    }
    if (type instanceof SettingType.ListType) {
      return "write a list, e.g. [a, b]";
    }
    if (type instanceof ObjectType || type instanceof SettingType.MapType) {
      return "write an object (key: value entries)";
    }
    return "write " + type.displayName();
  }

  private void checkObject(ObjectType type, JsonNode value, String pointer, String label) {
    if (value == null || !value.isObject()) {
      wrongType(type, value, pointer, label);
      return;
    }
    List<String> known = type.settings().stream().map(SettingDescriptor::name).toList();
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!known.contains(field.getKey())) {
        unknownField(field.getKey(), known, JsonPointers.child(pointer, field.getKey()), label);
      }
    }
    for (SettingDescriptor setting : type.settings()) {
      JsonNode member = value.get(setting.name());
      String memberPointer = JsonPointers.child(pointer, setting.name());
      if (member != null) {
        checkValue(setting.type(), member, memberPointer, "'" + setting.name() + "'");
      } else if (setting.required()) {
        diagnostics.error("missing-required", pointer, label + " is missing the required setting '" + setting.name() + "'",
            "add " + setting.name() + ": " + (setting.example() == null ? "<" + setting.type().displayName() + ">" : exampleText(setting.example()))
                + " (" + firstSentence(setting.description()) + ")");
      }
    }
    for (Condition condition : type.conditions()) {
      checkCondition(type, condition, value, pointer, label);
    }
  }

  private void unknownField(String name, List<String> known, String pointer, String label) {
    String fallback = known.isEmpty() ? "remove it: " + label + " takes no settings" : "remove it; known settings: " + String.join(", ", known);
    if (name.equals("inputs") && pointer.startsWith(NODES)) {
      fallback = "a source reads from outside the pipeline: remove inputs";
    }
    diagnostics.errorAtKey("unknown-field", pointer, "unknown setting '" + JsonText.abbreviate(name) + "' in " + label,
        DidYouMean.hint(name, known, fallback));
  }

  private void checkCondition(ObjectType type, Condition condition, JsonNode value, String pointer, String label) {
    if (condition instanceof Condition.RequiredWhen r) {
      String when = effective(type, value, r.when());
      if (when != null && r.values().contains(when) && !value.has(r.setting())) {
        diagnostics.error("missing-required", pointer,
            label + " with " + r.when() + " '" + when + "' needs '" + r.setting() + "'", r.hint());
      }
    } else if (condition instanceof Condition.ForbiddenWhen f) {
      String when = effective(type, value, f.when());
      if (when != null && f.values().contains(when) && value.has(f.setting())) {
        diagnostics.errorAtKey("forbidden-setting", JsonPointers.child(pointer, f.setting()),
            "'" + f.setting() + "' is not allowed in " + label + " when " + f.when() + " is '" + when + "'", f.hint());
      }
    } else if (condition instanceof Condition.ExactlyOneOf e) {
      List<String> present = e.settings().stream().filter(value::has).toList();
      if (present.isEmpty()) {
        diagnostics.error("missing-required", pointer,
            label + " needs one of " + String.join(", ", e.settings()), e.hint());
      } else if (present.size() > 1) {
        diagnostics.errorAtKey("conflicting-settings", JsonPointers.child(pointer, present.get(1)),
            label + " sets both '" + present.get(0) + "' and '" + present.get(1) + "'", e.hint());
      }
    } else if (condition instanceof Condition.AtMostOneOf a) {
      List<String> present = a.settings().stream().filter(value::has).toList();
      if (present.size() > 1) {
        diagnostics.errorAtKey("conflicting-settings", JsonPointers.child(pointer, present.get(1)),
            label + " sets both '" + present.get(0) + "' and '" + present.get(1) + "'", a.hint());
      }
    }
  }

  /** The value a condition reads: the string set in the document, its default, or null if unusable. */
  private static String effective(ObjectType type, JsonNode value, String name) {
    JsonNode member = value.get(name);
    if (member != null) {
      return member.isTextual() ? member.textValue() : null;
    }
    return type.setting(name).map(SettingDescriptor::defaultValue).map(String::valueOf).orElse(null);
  }

  private void checkList(SettingType.ListType type, JsonNode value, String pointer, String label) {
    if (value == null || !value.isArray()) {
      wrongType(type, value, pointer, label);
      return;
    }
    if (value.size() < type.minItems()) {
      diagnostics.error("empty-list", pointer, label + " needs at least " + type.minItems() + " entr" + (type.minItems() == 1 ? "y" : "ies"),
          "add an entry");
    }
    for (int i = 0; i < value.size(); i++) {
      checkValue(type.items(), value.get(i), JsonPointers.child(pointer, i), label + " entry " + (i + 1));
    }
  }

  private void checkMap(SettingType.MapType type, JsonNode value, String pointer, String label) {
    if (value == null || !value.isObject()) {
      wrongType(type, value, pointer, label);
      return;
    }
    Pattern keys = type.keyPattern() == null ? null : cache.pattern(type.keyPattern());
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String child = JsonPointers.child(pointer, field.getKey());
      if (keys != null && !keys.matcher(field.getKey()).matches()) {
        diagnostics.errorAtKey("invalid-key", child, "'" + JsonText.abbreviate(field.getKey()) + "' is not a valid key in " + label,
            "keys must match " + type.keyPattern());
      }
      checkValue(type.values(), field.getValue(), child, "'" + JsonText.abbreviate(field.getKey()) + "'");
    }
  }

  private void checkNodes(JsonNode value, String pointer) {
    if (value == null || !value.isArray()) {
      wrongType(new SettingType.NodeListType(), value, pointer, "'nodes'");
      return;
    }
    if (value.isEmpty()) {
      return; // reported as no-source / no-sink by the graph checker
    }
    for (int i = 0; i < value.size(); i++) {
      JsonNode node = value.get(i);
      String nodePointer = JsonPointers.child(pointer, i);
      currentNode = i;
      currentNodePointer = nodePointer;
      checkNode(node, nodePointer);
    }
    currentNode = -1;
  }

  private void checkNode(JsonNode node, String pointer) {
    String label = "node " + describeNode(node);
    if (node == null || !node.isObject()) {
      diagnostics.error("wrong-type", pointer, "a node must be an object, not " + JsonText.describe(node),
          "write the node as {id: ..., type: ..., inputs: [...]}");
      return;
    }
    JsonNode type = node.get("type");
    if (type == null) {
      diagnostics.error("missing-required", pointer, label + " is missing the required setting 'type'",
          "add type: <node kind>, e.g. map, filter, kafka-source");
      return;
    }
    if (!type.isTextual()) {
      diagnostics.error("wrong-type", JsonPointers.child(pointer, "type"), "'type' must be a string, not " + JsonText.describe(type),
          "write the node kind, e.g. type: filter");
      return;
    }
    NodeKindDescriptor kind = catalog.kind(type.textValue()).orElse(null);
    if (kind == null) {
      unknownType(type.textValue(), JsonPointers.child(pointer, "type"));
      return;
    }
    checkObject(cache.nodeShape(kind), node, pointer, label);
  }

  private void unknownType(String name, String pointer) {
    List<String> names = catalog.kinds().stream().map(NodeKindDescriptor::name).toList();
    String closest = DidYouMean.closest(name, names).orElse(null);
    boolean connectorLike = name.endsWith("-source") || name.endsWith("-sink")
        || catalog.kind(closest).map(NodeKindDescriptor::connector).orElse(false);
    String code = connectorLike ? "unknown-connector" : "unknown-node-type";
    String what = connectorLike ? "unknown connector '" : "unknown node type '";
    List<String> connectors = catalog.kinds().stream()
        .filter(k -> k.role() == NodeRole.SOURCE || k.role() == NodeRole.SINK).map(NodeKindDescriptor::name).toList();
    diagnostics.error(code, pointer, what + JsonText.abbreviate(name) + "'",
        DidYouMean.hint(name, names, connectorLike ? "available connectors: " + String.join(", ", connectors)
            : "available node types: " + String.join(", ", names)));
  }

  static String describeNode(JsonNode node) {
    String id = JsonText.text(node, "id");
    String type = JsonText.text(node, "type");
    String idText = id == null ? "" : "'" + JsonText.abbreviate(id) + "'";
    String typeText = type == null ? "" : "(" + JsonText.abbreviate(type) + ")";
    String both = (idText + " " + typeText).trim();
    return both.isEmpty() ? "without id" : both;
  }

  private void checkScalar(SettingType type, JsonNode value, String pointer, String label) {
    if (type instanceof SettingType.StringType s) {
      if (value == null || !value.isTextual()) {
        wrongType(type, value, pointer, label);
        return;
      }
      String text = value.textValue();
      if (text.isEmpty()) {
        diagnostics.error("empty-value", pointer, label + " is empty", "write a value, or remove the setting to use its default");
        return;
      }
      boolean isId = s.pattern() != null && s.pattern().equals(SettingTypes.ID_PATTERN);
      if (s.pattern() != null && !cache.pattern(s.pattern()).matcher(text).matches()) {
        diagnostics.error(isId ? "invalid-id" : "invalid-value", pointer,
            label + " '" + JsonText.abbreviate(text) + "' is not valid: use " + s.patternDescription(),
            isId ? "e.g. '" + suggestId(text) + "'" : "it must match " + s.pattern());
      } else if (text.length() > s.maxLength()) {
        diagnostics.error(isId ? "invalid-id" : "invalid-value", pointer,
            label + " is " + text.length() + " characters long; at most " + s.maxLength() + " are allowed", "shorten it");
      }
    } else if (type instanceof SettingType.IntType i) {
      if (value == null || !isInteger(value)) {
        wrongType(type, value, pointer, label);
        return;
      }
      BigInteger v = value.bigIntegerValue();
      if ((i.min() != null && v.compareTo(BigInteger.valueOf(i.min())) < 0)
          || (i.max() != null && v.compareTo(BigInteger.valueOf(i.max())) > 0)) {
        diagnostics.error("out-of-range", pointer, label + " is " + JsonText.abbreviate(value.asText()) + ", out of range " + range(i.min(), i.max()),
            "use a value in " + range(i.min(), i.max()));
      }
    } else if (type instanceof SettingType.NumberType n) {
      if (value == null || !value.isNumber()) {
        wrongType(type, value, pointer, label);
        return;
      }
      double v = value.doubleValue();
      if ((n.min() != null && v < n.min()) || (n.max() != null && v > n.max())) {
        diagnostics.error("out-of-range", pointer, label + " is " + value.asText() + ", out of range " + range(n.min(), n.max()),
            "use a value in " + range(n.min(), n.max()));
      }
    } else if (type instanceof SettingType.BoolType) {
      if (value == null || !value.isBoolean()) {
        wrongType(type, value, pointer, label);
      }
    } else if (type instanceof SettingType.DurationType d) {
      if (value == null || !value.isTextual()) {
        wrongType(type, value, pointer, label);
        return;
      }
      var parsed = Durations.parse(value.textValue());
      if (parsed.isEmpty()) {
        diagnostics.error("invalid-duration", pointer, label + " '" + JsonText.abbreviate(value.textValue()) + "' is not a duration",
            "write a whole number and a unit: 500ms, 10s, 5m, 1h or 1d");
      } else if (!d.allowZero() && parsed.get().isZero()) {
        diagnostics.error("invalid-duration", pointer, label + " must be longer than zero", "use a positive duration such as 10s");
      }
    } else if (type instanceof SettingType.SizeType) {
      if (value == null || !value.isTextual()) {
        wrongType(type, value, pointer, label);
        return;
      }
      if (Sizes.parse(value.textValue()).isEmpty()) {
        diagnostics.error("invalid-size", pointer, label + " '" + JsonText.abbreviate(value.textValue()) + "' is not a size",
            "write a whole number and a unit: 512B, 64KB, 1MB or 2GB");
      }
    } else if (type instanceof SettingType.EnumType e) {
      if (value == null || !value.isTextual()) {
        wrongType(type, value, pointer, label);
        return;
      }
      if (!e.values().contains(value.textValue())) {
        String message = e.values().size() == 1
            ? label + " must be '" + e.values().get(0) + "', not '" + JsonText.abbreviate(value.textValue()) + "'"
            : label + " '" + JsonText.abbreviate(value.textValue()) + "' is not one of " + String.join(", ", e.values());
        diagnostics.error("invalid-value", pointer, message,
            e.values().size() == 1 ? "write " + e.values().get(0)
                : DidYouMean.hint(value.textValue(), e.values(), "use one of: " + String.join(", ", e.values())));
      }
    } else if (type instanceof SettingType.ExpressionType x) {
      if (value == null || !value.isTextual()) {
        wrongType(type, value, pointer, label);
        return;
      }
      if (value.textValue().isBlank()) {
        diagnostics.error("empty-expression", pointer, label + " is empty", "write a CEL expression, e.g. value.amount > 100");
        return;
      }
      if (currentNode >= 0) {
        expressions.add(new ExpressionSite(currentNode, pointer.substring(currentNodePointer.length()), pointer, x.kind(), value.textValue()));
      }
    }
  }

  static boolean isInteger(JsonNode value) {
    if (value.isIntegralNumber()) {
      return true;
    }
    // JSON Schema counts 2.0 as an integer; so do we, to agree with the published schema.
    return value.isFloatingPointNumber() && Double.isFinite(value.doubleValue()) && value.doubleValue() == Math.rint(value.doubleValue())
        && Math.abs(value.doubleValue()) < 9.0e15;
  }

  private static String range(Number min, Number max) {
    return "[" + (min == null ? "-∞" : min) + ", " + (max == null ? "∞" : max) + "]";
  }

  private static String exampleText(Object example) {
    return example instanceof String s ? s : String.valueOf(example);
  }

  private static String firstSentence(String text) {
    int dot = text.indexOf(". ");
    String sentence = dot < 0 ? text : text.substring(0, dot);
    return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
  }

  private static String suggestId(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^[^a-z]+", "");
    lower = lower.length() > SettingTypes.MAX_ID_LENGTH ? lower.substring(0, SettingTypes.MAX_ID_LENGTH) : lower;
    return lower.isEmpty() ? "node-1" : lower;
  }
}
