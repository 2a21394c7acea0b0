package io.millrace.worker.connection;

import io.millrace.worker.identity.WorkerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The current {@link ConnectionState}, readable from any thread (health checks, metrics), written by the connector's
 * single thread. Every change is logged as one line with the worker id.
 */
@ApplicationScoped
public class ConnectionStatus {

    private static final Logger LOG = Logger.getLogger(ConnectionStatus.class);

    private final String workerId;
    private final AtomicReference<ConnectionState> current = new AtomicReference<>(new ConnectionState.Starting());

    public ConnectionStatus(WorkerIdentity identity) {
        this.workerId = identity.id();
    }

    public ConnectionState current() {
        return current.get();
    }

    void moveTo(ConnectionState next) {
        ConnectionState previous = current.getAndSet(next);
        if (previous.equals(next)) {
            return;
        }
        if (next instanceof ConnectionState.Refused) {
            LOG.errorf("worker %s: %s -> %s", workerId, previous.name(), next.describe());
        } else if (next instanceof ConnectionState.Disconnected) {
            LOG.warnf("worker %s: %s -> %s", workerId, previous.name(), next.describe());
        } else {
            LOG.infof("worker %s: %s -> %s", workerId, previous.name(), next.describe());
        }
    }
}
