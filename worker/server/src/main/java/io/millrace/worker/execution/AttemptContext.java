package io.millrace.worker.execution;

import io.millrace.protocol.v1.DeployTasks;
import io.millrace.protocol.v1.KafkaConnection;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a connector registration may need of one deployed attempt: the job, the attempt, the tenant
 * ({@code DeployTasks.tenant_id}; empty from an older control plane) and the tenant's Kafka connections the plan names
 * ({@code DeployTasks.kafka_connections}, decrypted: they hold credentials, so {@link #toString()} names only them).
 */
public record AttemptContext(String jobId, long attempt, String tenantId, Map<String, KafkaConnection> kafkaConnections) {

    public AttemptContext {
        kafkaConnections = kafkaConnections == null ? Map.of() : Map.copyOf(kafkaConnections);
    }

    /** From a deployment message. */
    public static AttemptContext of(DeployTasks deploy) {
        return new AttemptContext(deploy.getJobId(), deploy.getAttempt(), deploy.getTenantId(),
                deploy.getKafkaConnectionsMap());
    }

    @Override
    public String toString() {
        return "AttemptContext[job=" + jobId + ", attempt=" + attempt + ", tenant=" + tenantId + ", kafkaConnections="
                + new TreeSet<>(kafkaConnections.keySet()) + " (contents hidden)]";
    }
}
