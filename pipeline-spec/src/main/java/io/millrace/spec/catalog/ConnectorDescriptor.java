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
 * @param positionSettings for a source, the settings that say WHAT it reads (a topic, a stream):
 *     the read positions it keeps in checkpoints belong to them, so changing one drops those
 *     positions in the state diff; other settings keep them
 */
public record ConnectorDescriptor(
    String name,
    NodeRole role,
    String description,
    SettingType.ObjectType settings,
    List<String> rules,
    OutputTypeRule outputType,
    List<String> positionSettings) {

  public ConnectorDescriptor {
    Objects.requireNonNull(name, "name");
    if (role != NodeRole.SOURCE && role != NodeRole.SINK) {
      throw new IllegalArgumentException("a connector is a source or a sink: " + name);
    }
    rules = List.copyOf(rules);
    Objects.requireNonNull(outputType, "outputType");
    positionSettings = List.copyOf(positionSettings);
  }

  /** A connector without position settings (until {@link #withPositionSettings}). */
  public ConnectorDescriptor(
      String name, NodeRole role, String description, SettingType.ObjectType settings, List<String> rules,
      OutputTypeRule outputType) {
    this(name, role, description, settings, rules, outputType, List.of());
  }

  /** This connector, its read positions tied to {@code settings}. */
  public ConnectorDescriptor withPositionSettings(String... settings) {
    return new ConnectorDescriptor(name, role, description, this.settings, rules, outputType, List.of(settings));
  }

  /** A connector whose records are typed only by a declared {@code schema} (else dynamic). */
  public ConnectorDescriptor(
      String name, NodeRole role, String description, SettingType.ObjectType settings, List<String> rules) {
    this(name, role, description, settings, rules, OutputTypeRule.declaredSchemaOrDynamic());
  }
}
