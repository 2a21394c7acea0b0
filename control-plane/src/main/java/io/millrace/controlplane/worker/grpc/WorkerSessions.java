package io.millrace.controlplane.worker.grpc;

import io.grpc.Status;
import io.millrace.controlplane.worker.service.WorkerLost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.millrace.protocol.v1.ControlMessage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open, registered worker streams of this control-plane instance, by worker id: at most one per worker. Job
 * masters send deployments, cancellations and checkpoint messages through {@link #send}.
 */
@ApplicationScoped
public class WorkerSessions {

    private final Map<String, WorkerSession> byWorker = new ConcurrentHashMap<>();

    /** Makes {@code session} the worker's current one; an older session of the same worker is closed. */
    void attach(String workerId, WorkerSession session) {
        WorkerSession replaced = byWorker.put(workerId, session);
        if (replaced != null && replaced != session) {
            replaced.fail(Status.ABORTED, "worker " + workerId + " registered again on another stream");
        }
    }

    /** Forgets {@code session} if it is still the worker's current one; tells whether it was. */
    boolean detach(String workerId, WorkerSession session) {
        return byWorker.remove(workerId, session);
    }

    /** Sends a message on the worker's current stream; false when the worker has no open session here. */
    public boolean send(String workerId, ControlMessage message) {
        WorkerSession session = byWorker.get(workerId);
        return session != null && session.send(message);
    }

    /** Whether the worker has an open, registered session on this instance (it can receive deployments). */
    public boolean isOpen(String workerId) {
        return byWorker.containsKey(workerId);
    }

    /** Workers with an open session here. */
    public Set<String> openWorkers() {
        return Set.copyOf(byWorker.keySet());
    }

    int open() {
        return byWorker.size();
    }

    void closeLost(@Observes WorkerLost lost) {
        WorkerSession session = byWorker.get(lost.workerId());
        if (session != null && session.id().equals(lost.sessionId()) && byWorker.remove(lost.workerId(), session)) {
            session.fail(Status.UNAVAILABLE, "marked LOST: " + lost.reason() + "; register again");
        }
    }
}
