package io.millrace.engine.runtime.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millrace.engine.api.StreamRecord;
import io.millrace.spec.expr.CelExpressionCompiler;
import io.millrace.spec.expr.CompileResult;
import io.millrace.spec.expr.CompiledExpression;
import io.millrace.spec.expr.ExpressionKind;
import io.millrace.spec.expr.RecordType;
import io.millrace.spec.plan.KeyGroups;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExchangeTest {

  static List<Channel> channels(int n, int capacity) {
    List<Channel> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(new Channel("c" + i, capacity));
    }
    return list;
  }

  static List<Object> drain(Channel channel) {
    InputGate gate = new InputGate(List.of(channel), new int[] {0});
    List<Object> elements = new ArrayList<>();
    Object e;
    while ((e = gate.next()) != null) {
      elements.add(e);
    }
    return elements;
  }

  static CompiledExpression key(String text) {
    var result = new CelExpressionCompiler().compile(text, RecordType.dynamicRecord(), ExpressionKind.KEY);
    return ((CompileResult.Compiled) result).expression();
  }

  @Test
  void hashSendsEachRecordToTheSubtaskOwningItsKeyGroupWithTheKeyAttached() throws Exception {
    List<Channel> channels = channels(3, 100);
    RecordWriter writer = new RecordWriter(channels, new Partitioner.Hash(key("value.user"), 128, 3), 16,
        BackpressureListener.NONE);
    for (int i = 0; i < 500; i++) {
      writer.emit(StreamRecord.of(Map.of("user", "u" + i)));
    }
    writer.flushAll();
    int total = 0;
    for (int c = 0; c < 3; c++) {
      for (Object e : drain(channels.get(c))) {
        StreamRecord record = (StreamRecord) e;
        assertThat(record.key()).isEqualTo(((Map<?, ?>) record.value()).get("user"));
        assertThat(KeyGroups.subtaskFor(KeyGroups.keyGroupFor(record.key(), 128), 128, 3)).isEqualTo(c);
        total++;
      }
    }
    assertThat(total).isEqualTo(500);
  }

  @Test
  void rebalanceSpreadsRoundRobinAndBroadcastReachesEveryone() throws Exception {
    List<Channel> channels = channels(4, 100);
    RecordWriter rebalance = new RecordWriter(channels, new Partitioner.Rebalance(1, 4), 8, BackpressureListener.NONE);
    for (int i = 0; i < 40; i++) {
      rebalance.emit(StreamRecord.of((long) i));
    }
    rebalance.flushAll();
    for (int c = 0; c < 4; c++) {
      assertThat(drain(channels.get(c))).hasSize(10);
    }
    RecordWriter broadcast = new RecordWriter(channels, new Partitioner.Broadcast(), 8, BackpressureListener.NONE);
    broadcast.emit(StreamRecord.of("all"));
    broadcast.flushAll();
    for (Channel channel : channels) {
      assertThat(drain(channel)).containsExactly(StreamRecord.of("all"));
    }
  }

  @Test
  void aFailingKeyIsReportedAndNothingIsSent() throws Exception {
    List<Channel> channels = channels(2, 10);
    RecordWriter writer = new RecordWriter(channels, new Partitioner.Hash(key("value.user"), 128, 2), 4,
        BackpressureListener.NONE);
    try {
      writer.emit(StreamRecord.of(Map.of("other", 1L)));
    } catch (Partitioner.KeyFailure expected) {
      assertThat(expected.getMessage()).contains("value.user");
    }
    writer.flushAll();
    assertThat(drain(channels.get(0))).isEmpty();
    assertThat(drain(channels.get(1))).isEmpty();
  }

  @Test
  void elementsAreBatchedAndFlushedInOrder() throws Exception {
    Channel channel = new Channel("c", 100);
    RecordWriter writer = new RecordWriter(List.of(channel), new Partitioner.Forward(0), 10,
        BackpressureListener.NONE);
    for (int i = 0; i < 25; i++) {
      writer.emit(StreamRecord.of((long) i));
    }
    assertThat(channel.queuedBatches()).isEqualTo(2); // 2 full batches, 5 records still buffered
    writer.broadcast(new ControlElement.Watermark(99), true);
    assertThat(channel.queuedBatches()).isEqualTo(3);
    List<Object> elements = drain(channel);
    assertThat(elements).hasSize(26);
    assertThat(elements.get(24)).isEqualTo(StreamRecord.of(24L));
    assertThat(elements.get(25)).isEqualTo(new ControlElement.Watermark(99));
  }

  @Test
  void aSlowConsumerBlocksTheProducerAndMemoryStaysBounded() throws Exception {
    int capacity = 2;
    int batchSize = 4;
    Channel channel = new Channel("slow", capacity);
    AtomicLong backpressured = new AtomicLong();
    AtomicLong emitted = new AtomicLong();
    RecordWriter writer = new RecordWriter(List.of(channel), new Partitioner.Forward(0), batchSize,
        backpressured::addAndGet);
    Thread producer = new Thread(() -> {
      try {
        for (int i = 0; i < 1000; i++) {
          writer.emit(StreamRecord.of((long) i));
          emitted.incrementAndGet();
        }
        writer.flushAll();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    producer.start();

    // Nobody consumes: the producer must end up waiting with the channel full.
    await().atMost(Duration.ofSeconds(10)).until(() -> producer.getState() == Thread.State.TIMED_WAITING
        && channel.queuedBatches() == capacity);
    assertThat(emitted.get()).isEqualTo((long) capacity * batchSize + batchSize - 1); // blocked in the next flush
    assertThat(channel.queuedBatches()).isEqualTo(capacity);

    InputGate gate = new InputGate(List.of(channel), new int[] {0});
    List<Object> received = new ArrayList<>();
    while (received.size() < 1000) {
      Object e = gate.next();
      if (e != null) {
        received.add(e);
        assertThat(channel.queuedBatches()).isLessThanOrEqualTo(capacity);
      } else {
        Thread.onSpinWait();
      }
    }
    producer.join(10_000);
    for (int i = 0; i < 1000; i++) {
      assertThat(received.get(i)).isEqualTo(StreamRecord.of((long) i));
    }
    assertThat(backpressured.get()).isPositive();
  }

  @Test
  void aBlockedChannelKeepsTheRestOfItsBatchUntilUnblocked() throws Exception {
    List<Channel> channels = channels(2, 10);
    channels.get(0).send(new Batch(new Object[] {"a1", "a2", "a3"}, 3), BackpressureListener.NONE);
    channels.get(1).send(new Batch(new Object[] {"b1"}, 1), BackpressureListener.NONE);
    InputGate gate = new InputGate(channels, new int[] {0, 1});
    assertThat(gate.next()).isEqualTo("a1");
    gate.block(0);
    assertThat(gate.next()).isEqualTo("b1");
    assertThat(gate.lastChannel()).isEqualTo(1);
    assertThat(gate.inputIndexOf(1)).isEqualTo(1);
    assertThat(gate.next()).isNull();
    gate.unblockAll();
    assertThat(gate.next()).isEqualTo("a2");
    assertThat(gate.next()).isEqualTo("a3");
  }

  @Test
  void closingAChannelReleasesABlockedProducer() throws Exception {
    Channel channel = new Channel("c", 1);
    channel.send(new Batch(new Object[] {"x"}, 1), BackpressureListener.NONE);
    AtomicLong failed = new AtomicLong();
    Thread producer = new Thread(() -> {
      try {
        channel.send(new Batch(new Object[] {"y"}, 1), BackpressureListener.NONE);
      } catch (ChannelClosedException e) {
        failed.incrementAndGet();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    producer.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> producer.getState() == Thread.State.TIMED_WAITING);
    channel.close();
    producer.join(10_000);
    assertThat(failed.get()).isEqualTo(1);
  }

  @Test
  void aProducerStillBlockedOnAFullChannelIsReportedBackpressuredWhileItWaits() throws Exception {
    Channel channel = new Channel("c", 1);
    channel.send(new Batch(new Object[] {"x"}, 1), BackpressureListener.NONE);
    AtomicLong reported = new AtomicLong();
    Thread producer = new Thread(() -> {
      try {
        channel.send(new Batch(new Object[] {"y"}, 1), reported::addAndGet);
      } catch (ChannelClosedException e) {
        // released by close() below
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    producer.start();
    // Several 20 ms wait slices have been reported although the send has not got through.
    await().atMost(Duration.ofSeconds(10)).until(() -> reported.get() >= 60_000_000L);
    assertThat(producer.isAlive()).isTrue();
    assertThat(channel.waitedNanos()).isGreaterThanOrEqualTo(60_000_000L);
    channel.close();
    producer.join(10_000);
  }
}
