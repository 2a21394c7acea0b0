package io.millrace.worker.execution;

import io.millrace.engine.connector.datagen.DatagenConnector;
import io.millrace.engine.connector.file.FileSinkConnector;
import io.millrace.engine.runtime.Connectors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Map;

/**
 * THE registration point of connector kinds on a worker: what a deployed plan's source and sink nodes may name.
 * Built-in: {@code datagen-source} and {@code file-sink} (per attempt: its recovery must tell attempts apart). Further
 * kinds come from {@link ConnectorRegistration} beans. A plan naming any other kind fails to deploy with the node id.
 */
@ApplicationScoped
public class WorkerConnectors {

    private final List<ConnectorRegistration> extra;

    public WorkerConnectors(Instance<ConnectorRegistration> registrations) {
        this.extra = registrations.stream().toList();
    }

    /** The connector kinds for one attempt of one job, without a tenant (kinds that need one refuse to build). */
    public Connectors forAttempt(String jobId, long attempt) {
        return forAttempt(jobId, attempt, "");
    }

    /** The connector kinds for one attempt of one job of {@code tenantId}. */
    public Connectors forAttempt(String jobId, long attempt, String tenantId) {
        return forAttempt(new AttemptContext(jobId, attempt, tenantId, Map.of()));
    }

    /** The connector kinds for one deployed attempt (with the tenant's Kafka connections it brought). */
    public Connectors forAttempt(AttemptContext attempt) {
        Connectors connectors = DatagenConnector.register(Connectors.none());
        connectors = FileSinkConnector.register(connectors, attempt.jobId(), attempt.attempt());
        for (ConnectorRegistration registration : extra) {
            connectors = registration.register(connectors, attempt);
        }
        return connectors;
    }
}
