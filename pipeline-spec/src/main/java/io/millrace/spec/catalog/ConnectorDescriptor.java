package io.millrace.spec.catalog;

import java.util.List;
import java.util.Objects;

/**
 * What a connector module declares about one connector: its node type name, whether it is a source
 * or a sink, and its own settings. The catalog adds the settings every source or sink has ({@code
 * id}, {@code inputs}, {@code schema}, {@code watermark}...).
 *
 * @param rules cross-setting rules in prose, for docs (the checked ones are {@code settings}
 *     conditions)
 */
public record ConnectorDescriptor(
    String name, NodeRole role, String description, SettingType.ObjectType settings, List<String> rules) {

  public ConnectorDescriptor {
    Objects.requireNonNull(name, "name");
    if (role != NodeRole.SOURCE && role != NodeRole.SINK) {
      throw new IllegalArgumentException("a connector is a source or a sink: " + name);
    }
    rules = List.copyOf(rules);
  }
}
