package io.millrace.engine.connector.datagen;

import io.millrace.engine.runtime.Connectors;

/** Registers {@code datagen-source} by kind: every such node gets a {@link DatagenSource} from its settings. */
public final class DatagenConnector {

  public static final String KIND = "datagen-source";

  private DatagenConnector() {}

  /** {@code connectors} plus the datagen source kind (a node bound by id still wins). */
  public static Connectors register(Connectors connectors) {
    return connectors.withSourceKind(KIND, vertex -> DatagenSource.fromSettings(vertex.id(), vertex.settings()));
  }
}
