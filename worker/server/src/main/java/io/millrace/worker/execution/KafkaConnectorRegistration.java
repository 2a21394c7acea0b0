package io.millrace.worker.execution;

import io.millrace.connector.kafka.KafkaClusterConnection;
import io.millrace.connector.kafka.KafkaConnectors;
import io.millrace.connector.kafka.KafkaDefaults;
import io.millrace.connector.kafka.sink.PreparedTransactions;
import io.millrace.engine.runtime.Connectors;
import io.millrace.protocol.v1.KafkaConnection;
import io.millrace.worker.config.WorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds {@code kafka-source} and {@code kafka-sink} to every deployment. A node on the tenant cluster uses the worker's
 * {@code millrace.worker.kafka.bootstrap-servers}; a node with {@code connection: <name>} uses that connection of the
 * deployment ({@code DeployTasks.kafka_connections}): its cluster, and its client properties over the worker's. The
 * properties hold credentials and are never logged. One {@link PreparedTransactions} per worker process: the
 * exactly-once sink keeps its pre-committed transactions (and their producers) there, so the recovery of the next
 * attempt on this worker can still commit them after a task failure (see the Kafka module's README).
 */
@ApplicationScoped
public class KafkaConnectorRegistration implements ConnectorRegistration {

    private final KafkaDefaults defaults;
    private final PreparedTransactions prepared = new PreparedTransactions();

    public KafkaConnectorRegistration(WorkerConfig config) {
        this.defaults = new KafkaDefaults(config.kafka().bootstrapServers().orElse(null), Map.of());
    }

    @Override
    public Connectors register(Connectors connectors, String jobId, long attempt) {
        return KafkaConnectors.register(connectors, defaults, jobId, prepared);
    }

    @Override
    public Connectors register(Connectors connectors, AttemptContext attempt) {
        return KafkaConnectors.register(connectors, defaultsFor(defaults, attempt), attempt.jobId(), prepared);
    }

    /** The worker's defaults plus the attempt's connections. */
    static KafkaDefaults defaultsFor(KafkaDefaults defaults, AttemptContext attempt) {
        Map<String, KafkaClusterConnection> connections = new TreeMap<>();
        attempt.kafkaConnections().forEach((name, connection) -> connections.put(name, clusterOf(connection)));
        return defaults.withConnections(connections);
    }

    private static KafkaClusterConnection clusterOf(KafkaConnection connection) {
        return new KafkaClusterConnection(connection.getBootstrapServers(),
                new HashMap<>(connection.getClientPropertiesMap()));
    }
}
