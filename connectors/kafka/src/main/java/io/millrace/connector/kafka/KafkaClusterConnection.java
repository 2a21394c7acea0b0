package io.millrace.connector.kafka;

import java.util.Map;
import java.util.TreeMap;

/**
 * A named Kafka cluster a deployment brought along (an admin-granted connection of the job's tenant): its bootstrap
 * servers and the kafka-clients properties (credentials, TLS material) for the clients of nodes that name it with
 * {@code connection: <name>}. {@link #toString()} names the properties, never their values.
 */
public record KafkaClusterConnection(String bootstrapServers, Map<String, Object> clientProperties) {

  public KafkaClusterConnection {
    clientProperties = clientProperties == null ? Map.of() : Map.copyOf(clientProperties);
  }

  @Override
  public String toString() {
    return "KafkaClusterConnection[bootstrapServers=" + bootstrapServers + ", clientProperties="
        + new TreeMap<>(clientProperties).keySet() + " (values hidden)]";
  }
}
