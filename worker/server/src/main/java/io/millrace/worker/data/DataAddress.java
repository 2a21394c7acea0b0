package io.millrace.worker.data;

import io.millrace.worker.config.WorkerConfig;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where peers reach this worker's {@code DataExchange} service: the advertised host and the port the HTTP server
 * (which also serves gRPC) actually listens on. With port 0 (tests, several workers on one host) the real port is
 * known only once the server is bound, which Quarkus then writes back into the port property: so it is read at the
 * moment of registering, never at boot.
 */
@ApplicationScoped
public class DataAddress {

    private final String advertisedHost;

    public DataAddress(WorkerConfig config) {
        this.advertisedHost = config.data().advertisedHost();
    }

    /** {@code host:port}, or empty while the server has not bound its port yet. */
    public Optional<String> current() {
        String property = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        int port = ConfigProvider.getConfig().getOptionalValue(property, Integer.class).orElse(0);
        return port > 0 ? Optional.of(advertisedHost + ":" + port) : Optional.empty();
    }
}
