package io.millrace.controlplane.connection.service;

import io.millrace.controlplane.connection.config.SecretsConfig;
import io.millrace.controlplane.connection.crypto.SecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The cipher of {@code millrace.secrets.key}. The key is optional at start (a deployment without connections needs
 * none), so a missing or malformed key is reported when a connection is first used, with how to fix it.
 */
@ApplicationScoped
public class ConnectionSecrets {

    private final Optional<SecretCipher> cipher;
    private final String problem;

    public ConnectionSecrets(SecretsConfig config) {
        SecretCipher parsed = null;
        String why = null;
        if (config.key().filter(key -> !key.isBlank()).isEmpty()) {
            why = "millrace.secrets.key is not set (MILLRACE_SECRETS_KEY); Kafka connections need it: set it to the"
                    + " base64 of 32 random bytes ('openssl rand -base64 32')";
        } else {
            try {
                parsed = SecretCipher.fromBase64(config.key().get());
            } catch (IllegalArgumentException e) {
                why = e.getMessage();
            }
        }
        this.cipher = Optional.ofNullable(parsed);
        this.problem = why;
    }

    /** The cipher, or {@link IllegalStateException} saying why there is none. */
    public SecretCipher cipher() {
        return cipher.orElseThrow(() -> new IllegalStateException(problem));
    }
}
