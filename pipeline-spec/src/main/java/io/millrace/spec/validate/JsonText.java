package io.millrace.spec.validate;

import com.fasterxml.jackson.databind.JsonNode;

/** Describes JSON values in messages. */
final class JsonText {

  private JsonText() {}

  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return "the string '" + abbreviate(node.textValue()) + "'";
    }
    if (node.isBoolean()) {
      return "the boolean " + node.booleanValue();
    }
    if (node.isNumber()) {
      return "the number " + abbreviate(node.asText());
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "an object";
    }
    return "a value";
  }

  static String abbreviate(String text) {
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  /** The text of a string member, or null when absent or not a string. */
  static String text(JsonNode object, String name) {
    if (object == null || !object.isObject()) {
      return null;
    }
    JsonNode value = object.get(name);
    return value != null && value.isTextual() ? value.textValue() : null;
  }
}
