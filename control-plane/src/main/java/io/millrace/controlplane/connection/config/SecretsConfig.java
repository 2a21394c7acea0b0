package io.millrace.controlplane.connection.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Encryption of secrets the control plane stores (Kafka connection properties). The README lists the keys. */
@ConfigMapping(prefix = "millrace.secrets")
public interface SecretsConfig {

    /**
     * Base64 of a 256-bit (32-byte) AES key that encrypts stored secrets, e.g. {@code openssl rand -base64 32}.
     * Required once Kafka connections are used (creating one, or deploying a job that names one, fails with the
     * reason otherwise); not needed to start. Keep it in a secret store, never in the repository. Changing it makes
     * the stored connections unreadable (rotation is future work: see the README).
     */
    Optional<String> key();
}
