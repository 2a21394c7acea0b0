package io.millrace.controlplane.worker.service;

import io.millrace.protocol.ProtocolVersion;
import io.millrace.protocol.ProtocolVersion.VersionCheck;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a registration may be accepted. A refusal reason names the field, what was wrong and how to fix it,
 * because it ends up in the worker's log and readiness output, read by an operator.
 */
public final class RegistrationPolicy {

    /** Fits the {@code worker.id} column and is safe in logs, URLs and Kubernetes names. */
    private static final Pattern WORKER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,252}");
    private static final int MAX_HOST = 253;
    private static final int MAX_BUILD_VERSION = 100;
    private static final int MAX_DATA_ADDRESS = 300;

    private RegistrationPolicy() {
    }

    /** Empty when acceptable, else the reason to send in RegistrationRefused. */
    public static Optional<String> refusalReason(WorkerRegistration registration) {
        VersionCheck version = ProtocolVersion.checkOffered(registration.protocolVersion());
        if (version instanceof VersionCheck.Incompatible incompatible) {
            return Optional.of(incompatible.reason());
        }
        if (!WORKER_ID.matcher(registration.workerId()).matches()) {
            return Optional.of("worker_id '" + registration.workerId() + "' is not valid: use 1-253 characters from"
                    + " [A-Za-z0-9._-], starting with a letter or digit (set millrace.worker.id)");
        }
        if (registration.slots() < 1) {
            return Optional.of("slots must be at least 1, got " + registration.slots() + " (set millrace.worker.slots)");
        }
        if (registration.memoryBytes() < 0) {
            return Optional.of("memory_bytes must not be negative, got " + registration.memoryBytes());
        }
        if (registration.host().length() > MAX_HOST) {
            return Optional.of("host is longer than " + MAX_HOST + " characters");
        }
        if (registration.buildVersion().length() > MAX_BUILD_VERSION) {
            return Optional.of("build_version is longer than " + MAX_BUILD_VERSION + " characters");
        }
        if (registration.dataAddress().length() > MAX_DATA_ADDRESS) {
            return Optional.of("data_address is longer than " + MAX_DATA_ADDRESS + " characters");
        }
        return Optional.empty();
    }
}
