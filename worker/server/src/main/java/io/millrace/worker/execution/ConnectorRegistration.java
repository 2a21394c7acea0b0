package io.millrace.worker.execution;

import io.millrace.engine.runtime.Connectors;

/**
 * Adds connector kinds for one attempt of one job. The built-in kinds are in {@link WorkerConnectors}; a CDI bean
 * implementing this adds more (a connector module, or a test's sink).
 */
@FunctionalInterface
public interface ConnectorRegistration {

    Connectors register(Connectors connectors, String jobId, long attempt);
}
