package io.millrace.controlplane.worker.service;

/** What a worker reports about itself when it registers (already checked by {@link RegistrationPolicy}). */
public record WorkerRegistration(String workerId, String host, int slots, long memoryBytes, String buildVersion,
        String protocolVersion) {
}
