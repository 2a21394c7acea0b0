package io.millrace.engine.operators;

import io.millrace.engine.connector.Sink;
import io.millrace.engine.connector.Source;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the connector implementation of a source or sink node kind ({@code kafka-source},
 * {@code datagen-source}, ...). Connector modules provide implementations; tests use in-memory ones.
 */
public interface ConnectorResolver {

  /** The source for a node of {@code kind} with these settings, or empty when the kind is not a known source. */
  Optional<Source<?>> source(String nodeId, String kind, Map<String, Object> settings);

  /** The sink for a node of {@code kind} with these settings, or empty when the kind is not a known sink. */
  Optional<Sink<?>> sink(String nodeId, String kind, Map<String, Object> settings);

  /** No connectors at all. */
  static ConnectorResolver none() {
    return new ConnectorResolver() {
      @Override
      public Optional<Source<?>> source(String nodeId, String kind, Map<String, Object> settings) {
        return Optional.empty();
      }

      @Override
      public Optional<Sink<?>> sink(String nodeId, String kind, Map<String, Object> settings) {
        return Optional.empty();
      }
    };
  }
}
