package io.millrace.worker.execution;

import io.millrace.connector.kafka.KafkaConnectors;
import io.millrace.connector.kafka.KafkaDefaults;
import io.millrace.connector.kafka.sink.PreparedTransactions;
import io.millrace.engine.runtime.Connectors;
import io.millrace.worker.config.WorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Adds {@code kafka-source} and {@code kafka-sink} to every deployment. One {@link PreparedTransactions} per worker
 * process: the exactly-once sink keeps its pre-committed transactions (and their producers) there, so the recovery of
 * the next attempt on this worker can still commit them after a task failure (see the Kafka module's README).
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
}
