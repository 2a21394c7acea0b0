package io.millrace.worker.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.runtime.network.BatchCodec;
import io.millrace.protocol.v1.CreditGrant;
import io.millrace.protocol.v1.DataExchangeGrpc;
import io.millrace.protocol.v1.DataFrame;
import io.millrace.engine.runtime.exchange.Batch;
import io.millrace.engine.runtime.exchange.BackpressureListener;
import io.millrace.engine.runtime.exchange.Channel;
import io.millrace.engine.runtime.exchange.ConsumerReads;
import io.millrace.engine.runtime.exchange.ControlElement;
import io.millrace.engine.runtime.network.ChannelKey;
import io.millrace.engine.runtime.network.InboundChannel;
import io.millrace.engine.runtime.network.OutboundChannel;
import io.millrace.worker.connection.FakeControlPlaneResource;
import io.millrace.worker.execution.JobsTestProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gRPC data plane end to end through the worker's own DataExchange service: the producer end dials this worker's
 * data address (the real HTTP port, which serves gRPC), so every batch crosses a real HTTP/2 stream, is decoded and
 * lands in the consumer's channel against credits.
 */
@QuarkusTest
@TestProfile(JobsTestProfile.class)
@QuarkusTestResource(FakeControlPlaneResource.class)
class DataPlaneIT {

    private static final int PRODUCER_CAPACITY = 8;
    private static final int CONSUMER_CAPACITY = 4;

    @Inject
    DataPlane dataPlane;

    @Inject
    DataAddress dataAddress;

    private final List<Thread> threads = new ArrayList<>();
    private final String jobId = UUID.randomUUID().toString();

    @AfterEach
    void release() throws InterruptedException {
        dataPlane.releaseAttempt(jobId, 1);
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    @Test
    void movesThousandsOfBatchesInOrderWithCreditsEvenWhenTheConsumerRegistersLate() {
        int batches = 5_000;
        Pair pair = new Pair(key(0));
        // The producer connects first: the deployment of the consumer is still under way on "its" worker.
        dataPlane.openOutbound(pair.key, pair.outbound, address());
        await().atMost(Duration.ofSeconds(5)).until(() -> dataPlane.pendingInbound() == 1);
        dataPlane.registerInbound(pair.key, pair.inbound);

        List<Object> received = new CopyOnWriteArrayList<>();
        start(() -> produce(pair, batches));
        start(() -> consume(pair, received));

        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() == batches + 1);
        assertThat(received.subList(0, batches)).extracting(e -> ((StreamRecord) e).value())
                .containsExactlyElementsOf(longs(batches));
        assertThat(received.get(batches)).isEqualTo(new ControlElement.Barrier(7, false, true));
        // Everything was sent: the sender completes its stream and neither side failed.
        await().atMost(Duration.ofSeconds(5)).until(() -> dataPlane.openStreams() == 0);
        assertThat(pair.producerFailure).hasValue(null);
        assertThat(pair.consumerFailure).hasValue(null);
    }

    @Test
    void aSlowConsumerBlocksTheProducerWithBoundedCredits() {
        Pair pair = new Pair(key(1));
        dataPlane.registerInbound(pair.key, pair.inbound);
        dataPlane.openOutbound(pair.key, pair.outbound, address());

        AtomicInteger sent = new AtomicInteger();
        start(() -> {
            for (long i = 0; i < 100; i++) {
                pair.producerChannel.send(new Batch(new Object[] {StreamRecord.of(i)}, 1), BackpressureListener.NONE);
                sent.incrementAndGet();
            }
        });

        // Nobody consumes: the receiver's buffer (4) fills through the network, then the sender's queue (8), then the
        // producer waits. Nothing beyond that is sent anywhere.
        await().atMost(Duration.ofSeconds(10)).until(() -> pair.consumerChannel.queuedBatches() == CONSUMER_CAPACITY
                && pair.producerChannel.queuedBatches() == PRODUCER_CAPACITY);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() ->
                sent.get() == CONSUMER_CAPACITY + PRODUCER_CAPACITY
                        && pair.consumerChannel.queuedBatches() == CONSUMER_CAPACITY);
        assertThat(pair.outbound.metrics().credits()).isZero();
        assertThat(pair.producerChannel.waitedNanos()).isPositive();

        // The consumer catches up: credits flow back and everything arrives, in order.
        List<Object> received = new CopyOnWriteArrayList<>();
        start(() -> consume(pair, received));
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 100);
        assertThat(received).extracting(e -> ((StreamRecord) e).value()).containsExactlyElementsOf(longs(100));
    }

    @Test
    void aConsumerThatIsNeverDeployedFailsTheProducerWithAClearReason() {
        Pair pair = new Pair(key(2));
        dataPlane.openOutbound(pair.key, pair.outbound, address());

        // JobsTestProfile: registration-timeout 2 s.
        await().atMost(Duration.ofSeconds(10)).until(() -> pair.producerFailure.get() != null);
        assertThat(pair.producerFailure.get()).hasMessageContaining("NOT_FOUND")
                .hasMessageContaining("millrace.worker.data.registration-timeout");
    }

    @Test
    void aProducerThatGoesAwayMidChannelFailsTheConsumer() throws InterruptedException {
        Pair pair = new Pair(key(3));
        dataPlane.registerInbound(pair.key, pair.inbound);
        // The test plays the producer's worker with a raw stream: open, take the credits, send one batch, vanish.
        String[] hostPort = address().split(":");
        ManagedChannel channel = NettyChannelBuilder.forAddress(hostPort[0], Integer.parseInt(hostPort[1]))
                .usePlaintext().build();
        try {
            AtomicInteger credits = new AtomicInteger();
            AtomicReference<ClientCallStreamObserver<DataFrame>> requests = new AtomicReference<>();
            DataExchangeGrpc.newStub(channel).transfer(new ClientResponseObserver<DataFrame, CreditGrant>() {
                @Override
                public void beforeStart(ClientCallStreamObserver<DataFrame> stream) {
                    requests.set(stream);
                }

                @Override
                public void onNext(CreditGrant grant) {
                    credits.addAndGet(grant.getCredits());
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onCompleted() {
                }
            });
            requests.get().onNext(DataFrame.newBuilder().setOpen(ChannelOpens.toOpen(pair.key)).build());
            await().atMost(Duration.ofSeconds(5)).until(() -> credits.get() == CONSUMER_CAPACITY);
            byte[] frame = new BatchCodec().encode(new Batch(new Object[] {StreamRecord.of(42L)}, 1));
            requests.get().onNext(DataFrame.newBuilder().setBatch(ByteString.copyFrom(frame)).build());
            await().atMost(Duration.ofSeconds(5)).until(() -> pair.consumerChannel.queuedBatches() == 1);

            requests.get().cancel("producer worker died", null);

            await().atMost(Duration.ofSeconds(10)).until(() -> pair.consumerFailure.get() != null);
            assertThat(pair.consumerFailure.get()).hasMessageContaining(pair.key.displayName())
                    .hasMessageContaining("CANCELLED");
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private void produce(Pair pair, int batches) throws InterruptedException {
        for (long i = 0; i < batches; i++) {
            pair.producerChannel.send(new Batch(new Object[] {StreamRecord.of(i)}, 1), BackpressureListener.NONE);
        }
        pair.producerChannel.send(new Batch(new Object[] {new ControlElement.Barrier(7, false, true)}, 1),
                BackpressureListener.NONE);
        pair.outbound.producerFinished();
    }

    private static void consume(Pair pair, List<Object> into) throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            // Parks like a task until the receiver wakes it (or 10 ms pass: the loop re-checks interruption).
            Batch batch = ConsumerReads.takeWaiting(pair.consumerChannel, 10_000_000L);
            if (batch == null) {
                continue;
            }
            for (int i = 0; i < batch.size(); i++) {
                into.add(batch.elements()[i]);
            }
        }
    }

    private String address() {
        return dataAddress.current().orElseThrow();
    }

    private ChannelKey key(int consumer) {
        return new ChannelKey(jobId, 1, "numbers", "main", "sink", 0, 0, consumer);
    }

    private static List<Long> longs(int count) {
        List<Long> values = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            values.add(i);
        }
        return values;
    }

    private void start(Interruptible body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-" + threads.size());
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    @FunctionalInterface
    private interface Interruptible {
        void run() throws InterruptedException;
    }

    /** Both ends of one remote channel, with the local channels the tasks would use. */
    private static final class Pair {
        final ChannelKey key;
        final Channel producerChannel;
        final Channel consumerChannel;
        final AtomicReference<Throwable> producerFailure = new AtomicReference<>();
        final AtomicReference<Throwable> consumerFailure = new AtomicReference<>();
        final OutboundChannel outbound;
        final InboundChannel inbound;

        Pair(ChannelKey key) {
            this.key = key;
            this.producerChannel = new Channel(key.displayName() + "-out", PRODUCER_CAPACITY);
            this.consumerChannel = new Channel(key.displayName() + "-in", CONSUMER_CAPACITY);
            this.outbound = new OutboundChannel(key, producerChannel, "self", producerFailure::set);
            this.inbound = new InboundChannel(key, consumerChannel, "self", consumerFailure::set);
        }
    }
}
