package io.millrace.controlplane.worker.service;

/**
 * What a worker reports about itself when it registers (already checked by {@link RegistrationPolicy}).
 * {@code dataAddress} is where peers reach its DataExchange service (empty for a protocol 1.0 worker).
 */
public record WorkerRegistration(String workerId, String host, int slots, long memoryBytes, String buildVersion,
        String protocolVersion, String dataAddress) {
}
