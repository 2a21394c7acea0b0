package io.millrace.connector.kafka;

import java.util.Map;

/**
 * What the worker knows about Kafka beyond a node's settings: the tenant's cluster (used when a node
 * sets no {@code bootstrapServers}) and client properties applied to every consumer, producer and
 * admin client (security, timeouts...). A node's own settings win over these.
 *
 * @param bootstrapServers default {@code bootstrap.servers}, or {@code null} when every node must name its cluster
 * @param clientProperties extra kafka-clients properties (never logged: they may hold credentials)
 */
public record KafkaDefaults(String bootstrapServers, Map<String, Object> clientProperties) {

  public KafkaDefaults {
    clientProperties = clientProperties == null ? Map.of() : Map.copyOf(clientProperties);
  }

  /** No default cluster, no extra properties. */
  public static KafkaDefaults none() {
    return new KafkaDefaults(null, Map.of());
  }

  /** A default cluster only. */
  public static KafkaDefaults cluster(String bootstrapServers) {
    return new KafkaDefaults(bootstrapServers, Map.of());
  }
}
