package io.millrace.worker.data;

import io.millrace.worker.config.WorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Where peers reach this worker's {@code DataExchange} service: the advertised host and the port the data server
 * actually listens on. With port 0 (the default; tests and local mode run several workers on one host) the real port
 * is known only once the server is bound: so it is read at the moment of registering, never at boot.
 */
@ApplicationScoped
public class DataAddress {

    private final String advertisedHost;
    private final DataPlane dataPlane;

    public DataAddress(WorkerConfig config, DataPlane dataPlane) {
        this.advertisedHost = config.data().advertisedHost();
        this.dataPlane = dataPlane;
    }

    /** {@code host:port}, or empty while the data server has not bound its port yet. */
    public Optional<String> current() {
        var port = dataPlane.boundPort();
        return port.isPresent() ? Optional.of(advertisedHost + ":" + port.getAsInt()) : Optional.empty();
    }
}
