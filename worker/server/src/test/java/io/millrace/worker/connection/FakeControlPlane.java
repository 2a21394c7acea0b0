package io.millrace.worker.connection;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.millrace.protocol.v1.ControlMessage;
import io.millrace.protocol.v1.Heartbeat;
import io.millrace.protocol.v1.HeartbeatAck;
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
 */
public final class FakeControlPlane {

    static final long HEARTBEAT_INTERVAL_MS = 100;
    static final long HEARTBEAT_TIMEOUT_MS = 2_000;

    private final List<RegisterWorker> registrations = new CopyOnWriteArrayList<>();
    private final List<Heartbeat> heartbeats = new CopyOnWriteArrayList<>();
    private final AtomicInteger streamsOpened = new AtomicInteger();
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
                            replies.onNext(ControlMessage.newBuilder()
                                    .setHeartbeatAck(HeartbeatAck.newBuilder().setSeq(message.getHeartbeat().getSeq()))
                                    .build());
                        }
                        case KIND_NOT_SET -> {
                        }
                    }
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onCompleted() {
                    replies.onCompleted();
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
            replies.onNext(ControlMessage.newBuilder()
                    .setRegistrationAccepted(RegistrationAccepted.newBuilder()
                            .setHeartbeatIntervalMs(HEARTBEAT_INTERVAL_MS)
                            .setHeartbeatTimeoutMs(HEARTBEAT_TIMEOUT_MS))
                    .build());
        }
    }
}
