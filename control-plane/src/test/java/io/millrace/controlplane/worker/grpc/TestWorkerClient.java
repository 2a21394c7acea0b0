package io.millrace.controlplane.worker.grpc;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.millrace.protocol.v1.ControlMessage;
import io.millrace.protocol.v1.Heartbeat;
import io.millrace.protocol.v1.RegisterWorker;
import io.millrace.protocol.v1.WorkerGatewayGrpc;
import io.millrace.protocol.v1.WorkerMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A worker as the control plane sees it, reduced to the protocol: the generated stub over a real HTTP/2 connection,
 * recording every reply and how the stream ended.
 */
final class TestWorkerClient implements AutoCloseable {

    private final ManagedChannel channel;
    private final List<ControlMessage> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<Status> endStatus = new AtomicReference<>();
    private final AtomicLong seq = new AtomicLong();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
    private StreamObserver<WorkerMessage> requests;

    TestWorkerClient(int port) {
        channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    }

    TestWorkerClient connect() {
        requests = WorkerGatewayGrpc.newStub(channel).connect(new StreamObserver<>() {
            @Override
            public void onNext(ControlMessage message) {
                received.add(message);
            }

            @Override
            public void onError(Throwable t) {
                endStatus.set(Status.fromThrowable(t));
            }

            @Override
            public void onCompleted() {
                endStatus.set(Status.OK);
            }
        });
        return this;
    }

    synchronized void register(String workerId, int slots, String protocolVersion) {
        requests.onNext(WorkerMessage.newBuilder()
                .setRegister(RegisterWorker.newBuilder()
                        .setWorkerId(workerId)
                        .setProtocolVersion(protocolVersion)
                        .setBuildVersion("test-build")
                        .setSlots(slots)
                        .setMemoryBytes(512L << 20)
                        .setHost("test-host"))
                .build());
    }

    synchronized void heartbeat(int freeSlots) {
        requests.onNext(WorkerMessage.newBuilder()
                .setHeartbeat(Heartbeat.newBuilder()
                        .setSeq(seq.incrementAndGet())
                        .setSentAtMillis(System.currentTimeMillis())
                        .setFreeSlots(freeSlots))
                .build());
    }

    void heartbeatEvery(long millis, int freeSlots) {
        heartbeats.scheduleAtFixedRate(() -> heartbeat(freeSlots), 0, millis, TimeUnit.MILLISECONDS);
    }

    void stopHeartbeats() {
        heartbeats.shutdownNow();
    }

    synchronized void closeStream() {
        stopHeartbeats();
        requests.onCompleted();
    }

    List<ControlMessage> received() {
        return received;
    }

    boolean has(ControlMessage.KindCase kind) {
        return received.stream().anyMatch(m -> m.getKindCase() == kind);
    }

    ControlMessage first(ControlMessage.KindCase kind) {
        return received.stream().filter(m -> m.getKindCase() == kind).findFirst().orElseThrow();
    }

    /** Null while the stream is open. */
    Status endStatus() {
        return endStatus.get();
    }

    @Override
    public void close() throws InterruptedException {
        stopHeartbeats();
        channel.shutdownNow();
        channel.awaitTermination(5, TimeUnit.SECONDS);
    }
}
