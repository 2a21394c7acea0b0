package io.millrace.worker.connection;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.millrace.protocol.v1.CheckpointAck;
import io.millrace.protocol.v1.CheckpointDeclined;
import io.millrace.protocol.v1.CheckpointsDiscarded;
import io.millrace.protocol.v1.ControlMessage;
import io.millrace.protocol.v1.SourceFinished;
import io.millrace.protocol.v1.TaskStateChanged;
import io.millrace.protocol.v1.WorkerMetrics;
import io.millrace.protocol.v1.Heartbeat;
import io.millrace.protocol.v1.HeartbeatAck;
import io.millrace.protocol.v1.PreviewResult;
import io.millrace.protocol.v1.RegisterWorker;
import io.millrace.protocol.v1.RegistrationAccepted;
import io.millrace.protocol.v1.RegistrationRefused;
import io.millrace.protocol.v1.WorkerGatewayGrpc;
import io.millrace.protocol.v1.WorkerMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test double of the control plane's worker gateway: a real gRPC server on loopback that records what workers send and
 * accepts or refuses registrations on demand. It keeps its port across restarts, like a restarted control plane.
 * {@link #send} pushes a control message (a deployment, a checkpoint trigger...) down the worker's current stream.
 */
public final class FakeControlPlane {

    static final long HEARTBEAT_INTERVAL_MS = 100;
    static final long HEARTBEAT_TIMEOUT_MS = 2_000;

    private final List<RegisterWorker> registrations = new CopyOnWriteArrayList<>();
    private final List<Heartbeat> heartbeats = new CopyOnWriteArrayList<>();
    private final AtomicInteger streamsOpened = new AtomicInteger();
    private final List<TaskStateChanged> taskStates = new CopyOnWriteArrayList<>();
    private final List<SourceFinished> sourcesFinished = new CopyOnWriteArrayList<>();
    private final List<CheckpointAck> acks = new CopyOnWriteArrayList<>();
    private final List<CheckpointDeclined> declines = new CopyOnWriteArrayList<>();
    private final List<CheckpointsDiscarded> discards = new CopyOnWriteArrayList<>();
    private final List<WorkerMetrics> metrics = new CopyOnWriteArrayList<>();
    private final List<PreviewResult> previewResults = new CopyOnWriteArrayList<>();
    /** The stream of the last accepted registration; guarded by this (gRPC observers are not thread-safe). */
    private StreamObserver<ControlMessage> workerStream;
    private volatile String refusalReason;
    private Server server;
    private int port;

    public synchronized int start() {
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
                    .addService(new Gateway())
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("fake control plane could not bind 127.0.0.1:" + port, e);
        }
        port = server.getPort();
        return port;
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        synchronized (this) {
            workerStream = null;
        }
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
    }

    /** Kills every open stream, like a control-plane crash, and listens again on the same port. */
    public synchronized void restart() {
        stop();
        start();
    }

    /** From now on, refuse registrations with this reason. */
    public void refuseWith(String reason) {
        refusalReason = reason;
    }

    public List<RegisterWorker> registrations() {
        return registrations;
    }

    public List<Heartbeat> heartbeats() {
        return heartbeats;
    }

    public int streamsOpened() {
        return streamsOpened.get();
    }

    public List<TaskStateChanged> taskStates() {
        return taskStates;
    }

    public List<SourceFinished> sourcesFinished() {
        return sourcesFinished;
    }

    public List<CheckpointAck> acks() {
        return acks;
    }

    public List<CheckpointDeclined> declines() {
        return declines;
    }

    public List<CheckpointsDiscarded> discards() {
        return discards;
    }

    public List<WorkerMetrics> metrics() {
        return metrics;
    }

    public List<PreviewResult> previewResults() {
        return previewResults;
    }

    /** Sends a control message on the stream of the most recently registered worker. */
    public synchronized void send(ControlMessage message) {
        if (workerStream == null) {
            throw new IllegalStateException("no worker is registered with the fake control plane");
        }
        workerStream.onNext(message);
    }

    /** Whether a worker is registered right now (its stream is open). */
    public synchronized boolean hasWorker() {
        return workerStream != null;
    }

    private synchronized void reply(StreamObserver<ControlMessage> replies, ControlMessage message) {
        replies.onNext(message);
    }

    private synchronized void workerGone(StreamObserver<ControlMessage> replies) {
        if (workerStream == replies) {
            workerStream = null;
        }
    }

    private final class Gateway extends WorkerGatewayGrpc.WorkerGatewayImplBase {

        @Override
        public StreamObserver<WorkerMessage> connect(StreamObserver<ControlMessage> replies) {
            streamsOpened.incrementAndGet();
            return new StreamObserver<>() {
                @Override
                public void onNext(WorkerMessage message) {
                    switch (message.getKindCase()) {
                        case REGISTER -> register(message.getRegister(), replies);
                        case HEARTBEAT -> {
                            heartbeats.add(message.getHeartbeat());
                            reply(replies, ControlMessage.newBuilder()
                                    .setHeartbeatAck(HeartbeatAck.newBuilder().setSeq(message.getHeartbeat().getSeq()))
                                    .build());
                        }
                        case TASK_STATE -> taskStates.add(message.getTaskState());
                        case SOURCE_FINISHED -> sourcesFinished.add(message.getSourceFinished());
                        case CHECKPOINT_ACK -> acks.add(message.getCheckpointAck());
                        case CHECKPOINT_DECLINED -> declines.add(message.getCheckpointDeclined());
                        case METRICS -> metrics.add(message.getMetrics());
                        case CHECKPOINTS_DISCARDED -> discards.add(message.getCheckpointsDiscarded());
                        case PREVIEW_RESULT -> previewResults.add(message.getPreviewResult());
                        case KIND_NOT_SET -> {
                        }
                    }
                }

                @Override
                public void onError(Throwable t) {
                    workerGone(replies);
                }

                @Override
                public void onCompleted() {
                    workerGone(replies);
                    synchronized (FakeControlPlane.this) {
                        replies.onCompleted();
                    }
                }
            };
        }

        private void register(RegisterWorker registration, StreamObserver<ControlMessage> replies) {
            registrations.add(registration);
            String reason = refusalReason;
            if (reason != null) {
                replies.onNext(ControlMessage.newBuilder()
                        .setRegistrationRefused(RegistrationRefused.newBuilder().setReason(reason))
                        .build());
                replies.onCompleted();
                return;
            }
            synchronized (FakeControlPlane.this) {
                workerStream = replies;
                replies.onNext(ControlMessage.newBuilder()
                        .setRegistrationAccepted(RegistrationAccepted.newBuilder()
                                .setHeartbeatIntervalMs(HEARTBEAT_INTERVAL_MS)
                                .setHeartbeatTimeoutMs(HEARTBEAT_TIMEOUT_MS))
                        .build());
            }
        }
    }
}
