package io.millrace.connector.kafka;

import io.millrace.connector.kafka.source.KafkaSource;
import io.millrace.engine.runtime.Connectors;

/**
 * The registration point of this module: adds the {@code kafka-source} and {@code kafka-sink} kinds
 * to the engine's {@link Connectors}, each node getting its connector from its own settings (plus
 * {@link KafkaDefaults}). The worker calls it once at start-up.
 *
 * <pre>{@code
 * Connectors connectors = KafkaConnectors.register(Connectors.none(), KafkaDefaults.cluster("kafka:9092"));
 * }</pre>
 */
public final class KafkaConnectors {

  public static final String SOURCE_KIND = "kafka-source";
  public static final String SINK_KIND = "kafka-sink";

  private KafkaConnectors() {}

  /** {@code connectors} plus the Kafka kinds (a node bound by id still wins). */
  public static Connectors register(Connectors connectors, KafkaDefaults defaults) {
    Connectors registered = connectors;
    registered = registered.withSourceKind(SOURCE_KIND, vertex -> KafkaSource.fromVertex(vertex, defaults));
    // kafka-sink: added by the sink (i6-sink)
    return registered;
  }
}
