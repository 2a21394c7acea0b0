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
 * @param outputType for a source, the record type it emits given its settings (ignored for sinks)
 */
public record ConnectorDescriptor(
    String name,
    NodeRole role,
    String description,
    SettingType.ObjectType settings,
    List<String> rules,
    OutputTypeRule outputType) {

  public ConnectorDescriptor {
    Objects.requireNonNull(name, "name");
    if (role != NodeRole.SOURCE && role != NodeRole.SINK) {
      throw new IllegalArgumentException("a connector is a source or a sink: " + name);
    }
    rules = List.copyOf(rules);
    Objects.requireNonNull(outputType, "outputType");
  }

  /** A connector whose records are typed only by a declared {@code schema} (else dynamic). */
  public ConnectorDescriptor(
      String name, NodeRole role, String description, SettingType.ObjectType settings, List<String> rules) {
    this(name, role, description, settings, rules, OutputTypeRule.declaredSchemaOrDynamic());
  }
}
