package io.millrace.worker.identity;

import io.millrace.worker.config.WorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the {@link WorkerIdentity} once per process from configuration and the machine. */
@ApplicationScoped
public class WorkerIdentityProducer {

    @Produces
    @Singleton // records are final, so no client proxy: one instance, created on first use
    WorkerIdentity identity(WorkerConfig config,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String buildVersion) {
        String host = hostName();
        String id = config.id().filter(s -> !s.isBlank()).orElseGet(() -> generatedId(host));
        return new WorkerIdentity(id, host, config.slots(), Runtime.getRuntime().maxMemory(), buildVersion);
    }

    /**
     * Host name plus a random suffix: readable for operators, and unique even when two workers share a host (local mode
     * runs two) or a pod is restarted with the same host name while its old session is still known.
     */
    static String generatedId(String host) {
        byte[] suffix = new byte[3];
        new SecureRandom().nextBytes(suffix);
        String safeHost = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return safeHost + "-" + HexFormat.of().formatHex(suffix);
    }

    private static String hostName() {
        String fromEnv = System.getenv("HOSTNAME"); // set by Kubernetes to the pod name
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
