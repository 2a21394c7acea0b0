package io.millrace.controlplane.worker.service;

import io.millrace.controlplane.worker.WorkerState;
import io.millrace.controlplane.worker.config.WorkersConfig;
import io.millrace.controlplane.worker.persistence.WorkerEntity;
import io.millrace.controlplane.worker.persistence.WorkerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The persisted registry of workers: registration, heartbeats, disconnects and LOST marking. Each method is one
 * transaction. Session ids make it safe against reordering: an event from a stream that is no longer the worker's
 * current one leaves the row alone.
 */
@ApplicationScoped
public class WorkerRegistry {

    private static final Logger LOG = Logger.getLogger(WorkerRegistry.class);

    private final WorkerRepository workers;
    private final Duration heartbeatTimeout;

    public WorkerRegistry(WorkerRepository workers, WorkersConfig config) {
        if (config.heartbeatTimeout().compareTo(config.heartbeatInterval()) <= 0) {
            throw new IllegalArgumentException("millrace.workers.heartbeat-timeout (" + config.heartbeatTimeout()
                    + ") must be longer than millrace.workers.heartbeat-interval (" + config.heartbeatInterval()
                    + "), or every worker would be LOST between two heartbeats");
        }
        this.workers = workers;
        this.heartbeatTimeout = config.heartbeatTimeout();
    }

    /** Records a (re-)registration as the worker's new session; the worker becomes CONNECTED. */
    @Transactional
    public void register(WorkerRegistration registration, UUID session, Instant now) {
        WorkerEntity worker = workers.findByIdOptional(registration.workerId())
                .orElseGet(() -> WorkerEntity.firstRegistration(registration.workerId()));
        WorkerState before = worker.state();
        worker.register(session, registration.host(), registration.slots(), registration.memoryBytes(),
                registration.buildVersion(), registration.protocolVersion(), registration.dataAddress(), now);
        workers.persist(worker);
        LOG.infof("worker %s: %s -> CONNECTED (session %s, host %s, %d slots, protocol %s, build %s)",
                registration.workerId(), before == null ? "NEW" : before, session, registration.host(),
                registration.slots(), registration.protocolVersion(), registration.buildVersion());
    }

    /**
     * Takes a heartbeat for the worker's current session.
     *
     * @return false when the session is no longer the worker's CONNECTED session (replaced, or marked LOST): the caller
     *         must end it
     * @throws IllegalArgumentException when the heartbeat's content is impossible (free slots out of range)
     */
    @Transactional
    public boolean heartbeat(String workerId, UUID session, int freeSlots, Instant now) {
        WorkerEntity worker = workers.findById(workerId);
        if (worker == null || !worker.sessionId().equals(session) || worker.state() != WorkerState.CONNECTED) {
            return false;
        }
        worker.heartbeat(freeSlots, now);
        return true;
    }

    /** The session's stream closed: a CONNECTED worker becomes DISCONNECTED; a replaced session changes nothing. */
    @Transactional
    public void disconnected(String workerId, UUID session, String cause) {
        WorkerEntity worker = workers.findById(workerId);
        if (worker == null || !worker.sessionId().equals(session)
                || !worker.state().canMoveTo(WorkerState.DISCONNECTED)) {
            return;
        }
        worker.moveTo(WorkerState.DISCONNECTED);
        LOG.infof("worker %s: CONNECTED -> DISCONNECTED (session %s, %s)", workerId, session, cause);
    }

    /** Marks every CONNECTED worker whose last heartbeat is older than the timeout LOST, and returns them. */
    @Transactional
    public List<WorkerLost> markOverdueLost(Instant now) {
        List<WorkerLost> lost = new ArrayList<>();
        for (WorkerEntity worker : workers.connectedWithHeartbeatBefore(now.minus(heartbeatTimeout))) {
            worker.moveTo(WorkerState.LOST);
            long silentMillis = Duration.between(worker.lastHeartbeatAt(), now).toMillis();
            String reason = "no heartbeat for " + silentMillis + " ms (timeout " + heartbeatTimeout.toMillis() + " ms)";
            LOG.warnf("worker %s: CONNECTED -> LOST (session %s, %s)", worker.id(), worker.sessionId(), reason);
            lost.add(new WorkerLost(worker.id(), worker.sessionId(), reason));
        }
        return lost;
    }

    @Transactional
    public List<WorkerView> list() {
        return workers.allById().stream()
                .map(w -> new WorkerView(w.id(), w.host(), w.state(), w.slots(), w.freeSlots(), w.memoryBytes(),
                        w.buildVersion(), w.protocolVersion(), w.registeredAt(), w.lastHeartbeatAt(),
                        w.dataAddress()))
                .toList();
    }
}
