package io.millrace.engine.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.runtime.exchange.BackpressureListener;
import io.millrace.engine.runtime.exchange.Batch;
import io.millrace.engine.runtime.exchange.Channel;
import io.millrace.engine.runtime.exchange.ChannelFailedException;
import io.millrace.engine.runtime.exchange.InputGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Both ends of a remote channel over the in-memory loopback transport, with a producer and a consumer thread:
 * order, no loss, bounded memory under a slow consumer, failure propagation, credit accounting.
 */
class CreditFlowControlTest {

  static final int CAPACITY = 4;
  static final int BATCH = 16;

  final ChannelKey key = new ChannelKey("job-1", 1, "src", "main", "dst", 0, 0, 1);
  final List<Throwable> producerTaskFailures = new CopyOnWriteArrayList<>();
  final List<Throwable> consumerTaskFailures = new CopyOnWriteArrayList<>();
  final LoopbackExchange exchange = new LoopbackExchange();
  final OutboundChannel out = new OutboundChannel(key, new Channel("src#0->dst#1", CAPACITY), "worker-b",
      producerTaskFailures::add);
  final InboundChannel in = new InboundChannel(key, new Channel("src#0->dst#1", CAPACITY), "worker-a",
      consumerTaskFailures::add);
  final AtomicInteger sent = new AtomicInteger();
  final AtomicReference<Throwable> producerError = new AtomicReference<>();

  private Thread producer(int batches) {
    Thread t = new Thread(() -> {
      try {
        for (int b = 0; b < batches; b++) {
          Object[] elements = new Object[BATCH];
          for (int i = 0; i < BATCH; i++) {
            elements[i] = new StreamRecord((long) (b * BATCH + i), null, 1000L + b);
          }
          out.channel().send(new Batch(elements, BATCH), BackpressureListener.NONE);
          sent.incrementAndGet();
        }
      } catch (Throwable e) {
        producerError.set(e);
      }
    }, "producer");
    t.start();
    return t;
  }

  /** Reads {@code expected} records through an input gate, as a consumer task does. */
  private List<Long> consume(int expected) {
    InputGate gate = new InputGate(List.of(in.channel()), new int[] {0});
    gate.attachConsumer(Thread.currentThread());
    List<Long> values = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (values.size() < expected && System.nanoTime() < deadline) {
      Object element = gate.next();
      if (element == null) {
        LockSupport.parkNanos(1_000_000);
      } else {
        values.add((Long) ((StreamRecord) element).value());
      }
    }
    return values;
  }

  private void connect() {
    exchange.registerInbound(key, in);
    exchange.openOutbound(key, out, "127.0.0.1:0");
  }

  @Test
  void everyRecordArrivesOnceInOrder() throws Exception {
    connect();
    int batches = 500;
    Thread producer = producer(batches);
    List<Long> values = consume(batches * BATCH);
    producer.join(10_000);
    assertThat(producerError.get()).isNull();
    assertThat(values).hasSize(batches * BATCH);
    for (int i = 0; i < values.size(); i++) {
      assertThat(values.get(i)).isEqualTo(i);
    }
    assertThat(exchange.frames()).isEqualTo(batches);
    assertThat(consumerTaskFailures).isEmpty();
    // every batch taken returned its credit: the sender holds the whole window again
    await().atMost(Duration.ofSeconds(5)).until(() -> out.metrics().credits() == CAPACITY);
    exchange.releaseAttempt("job-1", 1);
  }

  @Test
  void aStalledConsumerBlocksTheProducerWithBoundedBuffers() throws Exception {
    connect();
    Thread producer = producer(100);
    // the receiver's window and the sender's queue fill up, then the producer waits in send
    await().atMost(Duration.ofSeconds(10)).until(() -> producer.getState() == Thread.State.TIMED_WAITING
        && sent.get() == 2 * CAPACITY);
    assertThat(in.channel().queuedBatches()).isEqualTo(CAPACITY);
    assertThat(out.channel().queuedBatches()).isEqualTo(CAPACITY);
    ChannelMetrics sender = out.metrics();
    assertThat(sender.outbound()).isTrue();
    assertThat(sender.credits()).isZero();
    assertThat(sender.buffersInUse()).isEqualTo(CAPACITY);
    assertThat(in.metrics().credits()).isZero();
    assertThat(sent.get()).isEqualTo(2 * CAPACITY); // no progress without credits

    List<Long> values = consume(100 * BATCH);
    producer.join(10_000);
    assertThat(values).hasSize(100 * BATCH).isSorted();
    assertThat(out.channel().waitedNanos()).isPositive();
    assertThat(out.metrics().backpressureRatio()).isBetween(0.0, 1.0);
    exchange.releaseAttempt("job-1", 1);
  }

  @Test
  void aBrokenStreamFailsBothTasksNamingTheChannelAndThePeer() throws Exception {
    connect();
    Thread producer = producer(100);
    await().atMost(Duration.ofSeconds(10)).until(() -> sent.get() == 2 * CAPACITY);

    exchange.breakChannel(key, new java.io.IOException("connection reset by peer"));
    producer.join(10_000);

    // the producer blocked on the full channel is released with the failure
    assertThat(producerError.get()).isInstanceOf(ChannelFailedException.class)
        .hasMessageContaining("src#0->dst#1").hasMessageContaining("to worker worker-b")
        .hasMessageContaining("connection reset by peer");
    assertThat(producerTaskFailures).singleElement().isSameAs(producerError.get());
    assertThat(consumerTaskFailures).singleElement().asString().contains("from worker worker-a");
    // the consumer gets what arrived, then the failure
    InputGate gate = new InputGate(List.of(in.channel()), new int[] {0});
    assertThatThrownBy(() -> {
      while (true) {
        gate.next();
      }
    }).isInstanceOf(ChannelFailedException.class).hasMessageContaining("from worker worker-a");
    exchange.releaseAttempt("job-1", 1);
  }

  @Test
  void aFrameBeyondTheGrantedCreditsFailsTheChannel() {
    BatchCodec codec = new BatchCodec();
    byte[] frame = codec.encode(new Batch(new Object[] {StreamRecord.of(1L)}, 1));
    for (int i = 0; i < CAPACITY; i++) {
      in.onFrame(frame);
    }
    assertThatThrownBy(() -> in.onFrame(frame)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("beyond its 4 credits").hasMessageContaining("worker-a");
    assertThat(in.channel().isFailed()).isTrue();
    assertThat(consumerTaskFailures).hasSize(1);
  }

  @Test
  void eachBatchTakenGrantsOneCreditAlsoWhenTakenBeforeTheTransportListened() {
    BatchCodec codec = new BatchCodec();
    byte[] frame = codec.encode(new Batch(new Object[] {StreamRecord.of(1L)}, 1));
    in.onFrame(frame);
    in.onFrame(frame);
    assertThat(in.metrics().credits()).isEqualTo(CAPACITY - 2);
    InputGate gate = new InputGate(List.of(in.channel()), new int[] {0});
    assertThat(gate.next()).isEqualTo(StreamRecord.of(1L)); // taken before anyone listened for grants
    List<Integer> grants = new ArrayList<>();
    in.onCredit(grants::add);
    assertThat(grants).containsExactly(1);
    assertThat(gate.next()).isEqualTo(StreamRecord.of(1L));
    assertThat(grants).containsExactly(1, 1);
    assertThat(in.metrics().credits()).isEqualTo(CAPACITY);
  }

  @Test
  void anOutboundChannelHandsOutFramesOnlyWhileItHoldsCredits() throws Exception {
    out.channel().send(new Batch(new Object[] {StreamRecord.of("a")}, 1), BackpressureListener.NONE);
    out.channel().send(new Batch(new Object[] {StreamRecord.of("b")}, 1), BackpressureListener.NONE);
    assertThat(out.nextFrame(10, java.util.concurrent.TimeUnit.MILLISECONDS)).isNull(); // no credit yet
    out.addCredits(1);
    byte[] first = out.nextFrame(1, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(BatchCodec.decode(first).elements()).containsExactly(StreamRecord.of("a"));
    assertThat(out.nextFrame(10, java.util.concurrent.TimeUnit.MILLISECONDS)).isNull(); // credit used up
    assertThat(out.metrics().buffersInUse()).isEqualTo(1);
    out.addCredits(2);
    assertThat(BatchCodec.decode(out.nextFrame(1, java.util.concurrent.TimeUnit.SECONDS)).elements())
        .containsExactly(StreamRecord.of("b"));
    assertThat(out.nextFrame(10, java.util.concurrent.TimeUnit.MILLISECONDS)).isNull(); // credit kept, no batch
    assertThat(out.metrics().credits()).isEqualTo(1);
    assertThatThrownBy(() -> out.addCredits(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
