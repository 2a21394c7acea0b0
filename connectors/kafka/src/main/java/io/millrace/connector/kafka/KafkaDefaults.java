package io.millrace.connector.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the worker knows about Kafka beyond a node's settings: the tenant's cluster (used when a node
 * sets no {@code bootstrapServers}), client properties applied to every consumer, producer and
 * admin client (security, timeouts...), and the deployment's named connections (a node with
 * {@code connection: <name>} uses that cluster and adds its properties). A node's own settings win
 * over these. {@link #toString()} never prints a property value.
 *
 * @param bootstrapServers default {@code bootstrap.servers}, or {@code null} when every node must name its cluster
 * @param clientProperties extra kafka-clients properties (never logged: they may hold credentials)
 * @param connections named clusters of this deployment, by name (never logged either)
 */
public record KafkaDefaults(String bootstrapServers, Map<String, Object> clientProperties,
    Map<String, KafkaClusterConnection> connections) {

  public KafkaDefaults {
    clientProperties = clientProperties == null ? Map.of() : Map.copyOf(clientProperties);
    connections = connections == null ? Map.of() : Map.copyOf(connections);
  }

  public KafkaDefaults(String bootstrapServers, Map<String, Object> clientProperties) {
    this(bootstrapServers, clientProperties, Map.of());
  }

  /** No default cluster, no extra properties. */
  public static KafkaDefaults none() {
    return new KafkaDefaults(null, Map.of());
  }

  /** A default cluster only. */
  public static KafkaDefaults cluster(String bootstrapServers) {
    return new KafkaDefaults(bootstrapServers, Map.of());
  }

  /** These defaults plus a deployment's named connections. */
  public KafkaDefaults withConnections(Map<String, KafkaClusterConnection> deployed) {
    return new KafkaDefaults(bootstrapServers, clientProperties, deployed);
  }

  /**
   * The defaults a node's clients start from: for a node with {@code connection: <name>}, that
   * connection's cluster and the worker's properties overlaid with the connection's; otherwise these.
   *
   * @throws IllegalArgumentException when the node names a connection this deployment did not bring
   */
  public KafkaDefaults forNode(String kind, String nodeId, Map<String, Object> settings) {
    Object name = settings.get("connection");
    if (name == null || name.toString().isBlank()) {
      return this;
    }
    KafkaClusterConnection connection = connections.get(name.toString());
    if (connection == null) {
      throw new IllegalArgumentException(kind + " node '" + nodeId + "': setting connection: no Kafka connection '"
          + name + "' was sent with this deployment (deployed: " + new TreeSet<>(connections.keySet())
          + "); the control plane sends the tenant's connections a job names — an older control plane does not");
    }
    Map<String, Object> merged = new HashMap<>(clientProperties);
    merged.putAll(connection.clientProperties());
    return new KafkaDefaults(connection.bootstrapServers(), merged, Map.of());
  }

  @Override
  public String toString() {
    return "KafkaDefaults[bootstrapServers=" + bootstrapServers + ", clientProperties="
        + new TreeMap<>(clientProperties).keySet() + " (values hidden), connections=" + connections + "]";
  }
}
