package io.millrace.spec.catalog;

import java.util.Objects;

/**
 * One setting of a node, connector or document object: its name, type, whether it is required, its
 * default, what it means, and an example value.
 *
 * @param defaultValue the value used when absent (a String, Long, Double or Boolean), or null
 * @param example a realistic value for docs and the console's placeholder, or null
 */
public record SettingDescriptor(
    String name,
    SettingType type,
    boolean required,
    Object defaultValue,
    String description,
    Object example) {

  public SettingDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
  }

  public static SettingDescriptor required(String name, SettingType type, String description) {
    return new SettingDescriptor(name, type, true, null, description, null);
  }

  public static SettingDescriptor optional(String name, SettingType type, String description) {
    return new SettingDescriptor(name, type, false, null, description, null);
  }

  public SettingDescriptor withDefault(Object value) {
    return new SettingDescriptor(name, type, false, value, description, example);
  }

  public SettingDescriptor withExample(Object value) {
    return new SettingDescriptor(name, type, required, defaultValue, description, value);
  }
}
