package io.millrace.worker.execution;

import io.millrace.engine.runtime.Connectors;

/**
 * Adds connector kinds for one attempt of one job. The built-in kinds are in {@link WorkerConnectors}; a CDI bean
 * implementing this adds more (a connector module, or a test's sink).
 */
@FunctionalInterface
public interface ConnectorRegistration {

    Connectors register(Connectors connectors, String jobId, long attempt);

    /**
     * The same with the job's tenant ({@code DeployTasks.tenant_id}; empty from an older control plane), for kinds
     * that derive names from it. By default the tenant is not needed.
     */
    default Connectors register(Connectors connectors, String jobId, long attempt, String tenantId) {
        return register(connectors, jobId, attempt);
    }

    /**
     * The same with everything the deployment says about the attempt ({@link AttemptContext}: also the tenant's Kafka
     * connections). By default only the job, attempt and tenant are used.
     */
    default Connectors register(Connectors connectors, AttemptContext attempt) {
        return register(connectors, attempt.jobId(), attempt.attempt(), attempt.tenantId());
    }
}
