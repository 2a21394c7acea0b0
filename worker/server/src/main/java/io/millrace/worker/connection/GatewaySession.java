package io.millrace.worker.connection;

import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.millrace.protocol.ProtocolVersion;
import io.millrace.protocol.v1.ControlMessage;
import io.millrace.protocol.v1.Heartbeat;
import io.millrace.protocol.v1.RegisterWorker;
import io.millrace.protocol.v1.TaskRef;
import io.millrace.protocol.v1.WorkerGatewayGrpc;
import io.millrace.protocol.v1.WorkerMessage;
import io.millrace.worker.identity.WorkerIdentity;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One {@code Connect} stream: registers, then heartbeats at the cadence the control plane asked for. Ends exactly once,
 * reporting to its {@link Listener}. Confined to the connector's thread: gRPC callbacks are handed over to it, so the
 * (non-thread-safe) request observer is only ever used from there.
 */
final class GatewaySession {

    private static final Logger LOG = Logger.getLogger(GatewaySession.class);

    /** What the connector learns from a session. Called on the connector's thread. */
    interface Listener {
        void accepted(GatewaySession session, Duration heartbeatInterval, Duration heartbeatTimeout);

        void refused(GatewaySession session, String reason);

        void ended(GatewaySession session, String cause);
    }

    private final WorkerIdentity identity;
    private final ScheduledExecutorService thread;
    private final Listener listener;
    private final LongSupplier nanoTime;
    /** host:port of this worker's DataExchange service, sent with the registration. */
    private final String dataAddress;
    /** Every task running here right now: listed in each heartbeat; free slots are the slots it leaves. */
    private final Supplier<List<TaskRef>> runningTasks;
    /** Deployments, cancellations, checkpoint messages and previews: handed to the connector's router. */
    private final Consumer<ControlMessage> jobMessages;

    private ClientCallStreamObserver<WorkerMessage> requests;
    private ScheduledFuture<?> heartbeats;
    private Duration heartbeatTimeout;
    private long lastAckNanos;
    private long nextSeq = 1;
    private boolean registered;
    private boolean ended;

    GatewaySession(WorkerIdentity identity, ScheduledExecutorService thread, Listener listener, LongSupplier nanoTime,
            String dataAddress, Supplier<List<TaskRef>> runningTasks, Consumer<ControlMessage> jobMessages) {
        this.identity = identity;
        this.thread = thread;
        this.listener = listener;
        this.nanoTime = nanoTime;
        this.dataAddress = dataAddress;
        this.runningTasks = runningTasks;
        this.jobMessages = jobMessages;
    }

    /** Opens the stream and sends RegisterWorker. Must run on the connector's thread. */
    void open(WorkerGatewayGrpc.WorkerGatewayStub stub) {
        stub.connect(new ResponseObserver());
        requests.onNext(WorkerMessage.newBuilder()
                .setRegister(RegisterWorker.newBuilder()
                        .setWorkerId(identity.id())
                        .setProtocolVersion(ProtocolVersion.CURRENT.toString())
                        .setBuildVersion(identity.buildVersion())
                        .setSlots(identity.slots())
                        .setMemoryBytes(identity.memoryBytes())
                        .setHost(identity.host())
                        .setDataAddress(dataAddress))
                .build());
    }

    /** Sends a report on this session if it is registered and not ended. Must run on the connector's thread. */
    void send(WorkerMessage message) {
        if (!registered || ended) {
            ControlPlaneOutbox.dropped(message);
            return;
        }
        requests.onNext(message);
    }

    /** Ends the session from our side (shutdown, missed acks); the listener hears {@code ended} once. */
    void abort(String cause) {
        if (ended) {
            return;
        }
        requests.cancel(cause, null);
        end(cause);
    }

    private void handle(ControlMessage message) {
        if (ended) {
            return;
        }
        switch (message.getKindCase()) {
            case REGISTRATION_ACCEPTED -> {
                var accepted = message.getRegistrationAccepted();
                startHeartbeats(Duration.ofMillis(accepted.getHeartbeatIntervalMs()),
                        Duration.ofMillis(accepted.getHeartbeatTimeoutMs()));
            }
            case REGISTRATION_REFUSED -> {
                listener.refused(this, message.getRegistrationRefused().getReason());
                requests.onCompleted();
            }
            case HEARTBEAT_ACK -> lastAckNanos = nanoTime.getAsLong();
            case DEPLOY, CANCEL, TRIGGER_CHECKPOINT, CHECKPOINT_COMPLETE, CHECKPOINT_ABORTED, DISCARD_CHECKPOINTS,
                    RUN_PREVIEW -> {
                if (registered) {
                    jobMessages.accept(message);
                } else {
                    LOG.warnf("worker %s: ignoring a %s sent before the registration was accepted", identity.id(),
                            message.getKindCase());
                }
            }
            // A newer control plane may send kinds this build does not know (same major version): ignore them.
            case KIND_NOT_SET -> LOG.debugf("worker %s: ignoring a control message of a kind this build does not know",
                    identity.id());
        }
    }

    private void startHeartbeats(Duration interval, Duration timeout) {
        if (interval.isZero() || interval.isNegative() || timeout.compareTo(interval) <= 0) {
            abort("control plane sent an unusable heartbeat cadence (interval " + interval.toMillis() + " ms, timeout "
                    + timeout.toMillis() + " ms)");
            return;
        }
        heartbeatTimeout = timeout;
        lastAckNanos = nanoTime.getAsLong();
        registered = true;
        listener.accepted(this, interval, timeout);
        sendHeartbeat();
        heartbeats = thread.scheduleAtFixedRate(this::heartbeatTick, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void heartbeatTick() {
        if (ended) {
            return;
        }
        long silentNanos = nanoTime.getAsLong() - lastAckNanos;
        // The control plane acks every heartbeat; a silent peer behind a half-open connection must not keep us
        // "registered" forever, so the worker applies the same deadline the control plane applies to it.
        if (silentNanos > heartbeatTimeout.toNanos()) {
            abort("no heartbeat ack for " + TimeUnit.NANOSECONDS.toMillis(silentNanos) + " ms");
            return;
        }
        sendHeartbeat();
    }

    private void sendHeartbeat() {
        List<TaskRef> running = runningTasks.get();
        requests.onNext(WorkerMessage.newBuilder()
                .setHeartbeat(Heartbeat.newBuilder()
                        .setSeq(nextSeq++)
                        .setSentAtMillis(System.currentTimeMillis())
                        .setFreeSlots(Math.max(0, identity.slots() - running.size()))
                        .addAllRunning(running))
                .build());
    }

    private void end(String cause) {
        ended = true;
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        listener.ended(this, cause);
    }

    private static String describe(Throwable failure) {
        Status status = Status.fromThrowable(failure);
        StringBuilder text = new StringBuilder(status.getCode().toString());
        if (status.getDescription() != null) {
            text.append(": ").append(status.getDescription());
        }
        // "UNAVAILABLE: io exception" alone does not tell an operator whether the port is closed or DNS failed.
        if (status.getCause() != null && status.getCause().getMessage() != null) {
            text.append(" (").append(status.getCause().getMessage()).append(')');
        }
        return text.toString();
    }

    /** gRPC callbacks: hop onto the connector's thread, never touch state here. */
    private final class ResponseObserver implements ClientResponseObserver<WorkerMessage, ControlMessage> {

        @Override
        public void beforeStart(ClientCallStreamObserver<WorkerMessage> requestStream) {
            requests = requestStream;
        }

        @Override
        public void onNext(ControlMessage message) {
            runOnThread(() -> handle(message));
        }

        @Override
        public void onError(Throwable failure) {
            runOnThread(() -> {
                if (!ended) {
                    end(describe(failure));
                }
            });
        }

        @Override
        public void onCompleted() {
            runOnThread(() -> {
                if (!ended) {
                    requests.onCompleted();
                    end("control plane closed the stream");
                }
            });
        }

        private void runOnThread(Runnable action) {
            try {
                thread.execute(action);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                // The connector is stopping; nothing left to tell.
            }
        }
    }
}
