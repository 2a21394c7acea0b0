package io.millrace.spec.catalog;

import io.millrace.spec.expr.ExpressionKind;
import java.util.List;
import java.util.Objects;

/**
 * The type of one setting. The same value drives the JSON Schema, the validator and (through the
 * schema) the console's forms, so every constraint that belongs to a single value lives here.
 */
public sealed interface SettingType {

  /** A short name for messages: "a string", "a duration"... */
  String displayName();

  /** A string, optionally matching a regular expression (anchored). */
  record StringType(String pattern, String patternDescription, int maxLength) implements SettingType {
    public StringType {
      maxLength = maxLength <= 0 ? Integer.MAX_VALUE : maxLength;
    }

    @Override
    public String displayName() {
      return "a string";
    }
  }

  /** A whole number, with optional inclusive bounds. */
  record IntType(Long min, Long max) implements SettingType {
    @Override
    public String displayName() {
      return "an integer";
    }
  }

  /** A number (integer or decimal), with optional inclusive bounds. */
  record NumberType(Double min, Double max) implements SettingType {
    @Override
    public String displayName() {
      return "a number";
    }
  }

  record BoolType() implements SettingType {
    @Override
    public String displayName() {
      return "a boolean (true or false)";
    }
  }

  /** A duration written as a number and a unit: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}, {@code 1d}. */
  record DurationType(boolean allowZero) implements SettingType {
    @Override
    public String displayName() {
      return "a duration";
    }
  }

  /** A byte size written as a number and a unit: {@code 512B}, {@code 64KB}, {@code 1MB}, {@code 2GB}. */
  record SizeType() implements SettingType {
    @Override
    public String displayName() {
      return "a size";
    }
  }

  /** One of a fixed set of strings. */
  record EnumType(List<String> values) implements SettingType {
    public EnumType {
      values = List.copyOf(values);
    }

    @Override
    public String displayName() {
      return "one of " + String.join(", ", values);
    }
  }

  /** A CEL expression, checked for the given usage (which fixes its result type). */
  record ExpressionType(ExpressionKind kind) implements SettingType {
    public ExpressionType {
      Objects.requireNonNull(kind, "kind");
    }

    @Override
    public String displayName() {
      return "a CEL expression";
    }
  }

  /** A list of values of one type. */
  record ListType(SettingType items, int minItems) implements SettingType {
    @Override
    public String displayName() {
      return "a list";
    }
  }

  /** A map from free-form keys (matching {@code keyPattern}, if set) to values of one type. */
  record MapType(SettingType values, String keyPattern) implements SettingType {
    @Override
    public String displayName() {
      return "a map";
    }
  }

  /** An object with known settings; unknown keys are errors. */
  record ObjectType(List<SettingDescriptor> settings, List<Condition> conditions) implements SettingType {
    public ObjectType {
      settings = List.copyOf(settings);
      conditions = List.copyOf(conditions);
    }

    public static ObjectType of(SettingDescriptor... settings) {
      return new ObjectType(List.of(settings), List.of());
    }

    public ObjectType withConditions(Condition... more) {
      return new ObjectType(settings, List.of(more));
    }

    public java.util.Optional<SettingDescriptor> setting(String name) {
      return settings.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    @Override
    public String displayName() {
      return "an object";
    }
  }

  /** The pipeline's node list: each item is checked against the node kind named by its {@code type}. */
  record NodeListType() implements SettingType {
    @Override
    public String displayName() {
      return "a list of nodes";
    }
  }
}
