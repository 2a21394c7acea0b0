package io.millrace.controlplane.worker.grpc;

import io.grpc.Status;
import io.millrace.controlplane.worker.config.WorkersConfig;
import io.millrace.controlplane.worker.service.RegistrationPolicy;
import io.millrace.controlplane.worker.service.WorkerAvailability;
import io.millrace.controlplane.worker.service.WorkerJobMessage;
import io.millrace.controlplane.worker.service.WorkerRegistration;
import io.millrace.controlplane.worker.service.WorkerRegistry;
import io.millrace.protocol.v1.ControlMessage;
import io.millrace.protocol.v1.Heartbeat;
import io.millrace.protocol.v1.HeartbeatAck;
import io.millrace.protocol.v1.RegisterWorker;
import io.millrace.protocol.v1.RegistrationAccepted;
import io.millrace.protocol.v1.RegistrationRefused;
import io.millrace.protocol.v1.WorkerMessage;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The control plane's side of one worker's {@code Connect} stream. Messages are handled one at a time, in order, on a
 * worker thread (they touch the database); replies go out through the stream's emitter, which is safe from any thread.
 */
final class WorkerSession {

    private static final Logger LOG = Logger.getLogger(WorkerSession.class);

    private final UUID id = UUID.randomUUID();
    private final MultiEmitter<? super ControlMessage> replies;
    private final WorkerRegistry registry;
    private final WorkerSessions sessions;
    private final WorkersConfig config;
    private final Consumer<Object> events;

    /** Set once the registration is accepted; before that only RegisterWorker is legal. */
    private volatile String workerId;
    private volatile String endCause = "stream ended (worker cancelled it or the connection dropped)";

    WorkerSession(MultiEmitter<? super ControlMessage> replies, WorkerRegistry registry, WorkerSessions sessions,
            WorkersConfig config, Consumer<Object> events) {
        this.replies = replies;
        this.events = events;
        this.registry = registry;
        this.sessions = sessions;
        this.config = config;
    }

    UUID id() {
        return id;
    }

    Optional<String> workerId() {
        return Optional.ofNullable(workerId);
    }

    void handle(WorkerMessage message) {
        try {
            dispatch(message);
        } catch (RuntimeException unexpected) {
            // Our fault (e.g. the database is down): the operator gets the stack trace, the worker a short status and
            // reconnects with backoff.
            LOG.errorf(unexpected, "worker %s: session %s failed handling %s", workerId, id, message.getKindCase());
            fail(Status.INTERNAL, "the control plane could not handle " + message.getKindCase()
                    + "; see the control-plane log for session " + id);
        }
    }

    private void dispatch(WorkerMessage message) {
        switch (message.getKindCase()) {
            case REGISTER -> register(message.getRegister());
            case HEARTBEAT -> heartbeat(message.getHeartbeat());
            case TASK_STATE, SOURCE_FINISHED, CHECKPOINT_ACK, CHECKPOINT_DECLINED, CHECKPOINTS_DISCARDED, METRICS,
                    PREVIEW_RESULT ->
                    jobMessage(message);
            // A newer worker (same major version) may send kinds this build does not know yet: ignore them.
            case KIND_NOT_SET -> LOG.debugf("session %s: ignoring a worker message of a kind this build does not know",
                    id);
        }
    }

    private void register(RegisterWorker request) {
        if (workerId != null) {
            fail(Status.FAILED_PRECONDITION, "RegisterWorker was already sent on this stream (as worker " + workerId
                    + "); open a new stream to register again");
            return;
        }
        WorkerRegistration registration = new WorkerRegistration(request.getWorkerId(), request.getHost(),
                request.getSlots(), request.getMemoryBytes(), request.getBuildVersion(), request.getProtocolVersion(),
                request.getDataAddress());
        Optional<String> refusal = RegistrationPolicy.refusalReason(registration);
        if (refusal.isPresent()) {
            LOG.warnf("worker %s: registration refused (host %s, protocol %s): %s", request.getWorkerId(),
                    request.getHost(), request.getProtocolVersion(), refusal.get());
            replies.emit(ControlMessage.newBuilder()
                    .setRegistrationRefused(RegistrationRefused.newBuilder().setReason(refusal.get()))
                    .build());
            replies.complete();
            return;
        }
        // Become the worker's current session BEFORE the row says so: a late close of the replaced stream then finds
        // it is no longer current and leaves the new registration alone.
        sessions.attach(registration.workerId(), this);
        registry.register(registration, id, Instant.now());
        workerId = registration.workerId();
        if (replies.isCancelled()) {
            // The worker went away while we were registering it: do not leave a CONNECTED row behind.
            ended("stream closed during registration");
            return;
        }
        replies.emit(ControlMessage.newBuilder()
                .setRegistrationAccepted(RegistrationAccepted.newBuilder()
                        .setHeartbeatIntervalMs(config.heartbeatInterval().toMillis())
                        .setHeartbeatTimeoutMs(config.heartbeatTimeout().toMillis()))
                .build());
        events.accept(new WorkerAvailability(workerId, true, "registered"));
    }

    private void heartbeat(Heartbeat heartbeat) {
        String worker = workerId;
        if (worker == null) {
            fail(Status.FAILED_PRECONDITION, "the first message on a stream must be RegisterWorker, got a Heartbeat");
            return;
        }
        boolean current;
        try {
            current = registry.heartbeat(worker, id, heartbeat.getFreeSlots(), Instant.now());
        } catch (IllegalArgumentException impossible) {
            fail(Status.INVALID_ARGUMENT, "heartbeat " + heartbeat.getSeq() + ": " + impossible.getMessage());
            return;
        }
        if (!current) {
            fail(Status.UNAVAILABLE, "session " + id + " of worker " + worker
                    + " is no longer current (replaced or marked LOST); register again");
            return;
        }
        replies.emit(ControlMessage.newBuilder().setHeartbeatAck(HeartbeatAck.newBuilder().setSeq(heartbeat.getSeq()))
                .build());
    }

    private void jobMessage(WorkerMessage message) {
        String worker = workerId;
        if (worker == null) {
            fail(Status.FAILED_PRECONDITION, "the first message on a stream must be RegisterWorker, got a "
                    + message.getKindCase());
            return;
        }
        events.accept(new WorkerJobMessage(worker, message));
    }

    /** Sends a control message to the worker; false when the stream is already closed. */
    boolean send(ControlMessage message) {
        if (replies.isCancelled()) {
            return false;
        }
        replies.emit(message);
        return true;
    }

    /** Ends the stream with a status the worker logs. */
    void fail(Status status, String description) {
        LOG.warnf("worker %s: closing session %s: %s %s", workerId == null ? "(unregistered)" : workerId, id,
                status.getCode(), description);
        endCause = "closed by the control plane: " + status.getCode();
        replies.fail(status.withDescription(description).asRuntimeException());
    }

    /** Remembers why the stream is ending, for the DISCONNECTED log line. */
    void endedBecause(String cause) {
        endCause = cause;
    }

    /** The stream is over (either side closed it, or it failed). */
    void ended() {
        ended(endCause);
    }

    private void ended(String cause) {
        String worker = workerId;
        if (worker != null && sessions.detach(worker, this)) {
            registry.disconnected(worker, id, cause);
            events.accept(new WorkerAvailability(worker, false, cause));
        }
    }
}
