package io.millrace.worker.connection;

import io.millrace.protocol.v1.WorkerMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * How task reports (state changes, checkpoint answers, metrics) reach the control plane: through the current
 * registered session, if there is one. While disconnected, reports are dropped (logged): the control plane re-learns
 * the running tasks from the first heartbeat after the next registration and re-drives checkpoints itself.
 */
@ApplicationScoped
public class ControlPlaneOutbox {

    private static final Logger LOG = Logger.getLogger(ControlPlaneOutbox.class);

    private volatile Consumer<WorkerMessage> session;

    /** Sends {@code message} on the current session, or drops it with a log line when there is none. */
    public void send(WorkerMessage message) {
        Consumer<WorkerMessage> current = session;
        if (current == null) {
            dropped(message);
            return;
        }
        current.accept(message);
    }

    void attach(Consumer<WorkerMessage> registeredSession) {
        session = registeredSession;
    }

    void detach() {
        session = null;
    }

    static void dropped(WorkerMessage message) {
        if (message.getKindCase() == WorkerMessage.KindCase.METRICS) {
            LOG.debug("not connected to the control plane: metrics report dropped");
        } else {
            LOG.infof("not connected to the control plane: dropped %s", OutboxDescriptions.describe(message));
        }
    }
}
