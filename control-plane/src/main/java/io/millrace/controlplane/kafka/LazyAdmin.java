package io.millrace.controlplane.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * An Admin client of the tenant cluster, created on first use from the application's {@code kafka.*} properties
 * (bootstrap servers, security; only the keys the Admin client knows), so a control plane that never needs Kafka
 * never connects. Thread-safe; {@link #close()} when the owning bean goes.
 */
public final class LazyAdmin implements AutoCloseable {

    private final Map<String, Object> kafka;
    private final String clientId;
    private final Duration apiTimeout;
    private volatile Admin admin;

    public LazyAdmin(Map<String, Object> kafka, String clientId, Duration apiTimeout) {
        this.kafka = kafka;
        this.clientId = clientId;
        this.apiTimeout = apiTimeout;
    }

    /** Whether the application names a cluster at all. */
    public boolean configured() {
        return kafka.containsKey(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
    }

    public Admin get() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> properties = new HashMap<>();
                    kafka.forEach((key, value) -> {
                        if (AdminClientConfig.configNames().contains(key)) {
                            properties.put(key, value);
                        }
                    });
                    int timeoutMs = (int) Math.min(Integer.MAX_VALUE, apiTimeout.toMillis());
                    properties.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
                    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
                    properties.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
                    admin = Admin.create(properties);
                }
                current = admin;
            }
        }
        return current;
    }

    @Override
    public void close() {
        Admin current = admin;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }
}
