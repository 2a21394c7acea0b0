package io.millrace.worker.execution;

import io.millrace.connector.kafka.KafkaDefaults;
import io.millrace.connector.kafka.source.KafkaSource;
import io.millrace.engine.runtime.Connectors;
import io.millrace.worker.config.WorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code http-source}: records the control plane's ingest endpoint wrote to {@code <tenant>.stream.<stream>} on the
 * worker's default Kafka cluster, read like a {@code kafka-source} of that one topic (checkpointed offsets,
 * {@code read_committed}, dead letters for undecodable messages). Without a checkpoint it starts at the job's
 * committed group offsets, else the earliest record, so records posted before the job started are read too. The
 * group id carries the tenant prefix, like every name this tenant uses on the shared cluster.
 */
@ApplicationScoped
public class HttpSourceRegistration implements ConnectorRegistration {

    public static final String KIND = "http-source";

    private final KafkaDefaults defaults;

    public HttpSourceRegistration(WorkerConfig config) {
        this.defaults = new KafkaDefaults(config.kafka().bootstrapServers().orElse(null), Map.of());
    }

    @Override
    public Connectors register(Connectors connectors, String jobId, long attempt) {
        return register(connectors, jobId, attempt, "");
    }

    @Override
    public Connectors register(Connectors connectors, String jobId, long attempt, String tenantId) {
        return connectors.withSourceKind(KIND, vertex -> KafkaSource.fromSettings(vertex.id(),
                kafkaSettings(tenantId, jobId, vertex.id(), vertex.settings()), defaults));
    }

    /** The kafka-source settings an http-source node stands for. Package-visible for tests. */
    static Map<String, Object> kafkaSettings(String tenantId, String jobId, String nodeId, Map<String, Object> http) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("http-source '" + nodeId + "': the deployment names no tenant (a"
                    + " control plane older than protocol field DeployTasks.tenant_id); upgrade the control plane");
        }
        Object stream = http.get("stream");
        if (stream == null || stream.toString().isBlank()) {
            throw new IllegalArgumentException("http-source '" + nodeId + "': setting `stream` is missing; set the"
                    + " stream name used in POST /api/v1/streams/{stream}/records");
        }
        Map<String, Object> kafka = new LinkedHashMap<>();
        kafka.put("topic", tenantId + ".stream." + stream);
        kafka.put("format", http.getOrDefault("format", "json"));
        kafka.put("startFrom", "committed");
        kafka.put("groupId", tenantId + ".millrace." + jobId + "." + nodeId);
        return kafka;
    }
}
