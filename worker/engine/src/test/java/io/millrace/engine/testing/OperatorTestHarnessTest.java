package io.millrace.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.engine.api.OneInputOperator;
import io.millrace.engine.api.OperatorContext;
import io.millrace.engine.api.Output;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.api.Timer;
import io.millrace.engine.api.TimerService;
import io.millrace.engine.serialization.Serializers;
import io.millrace.engine.state.KeyedBackendParameters;
import io.millrace.engine.state.KeyedStateBackend;
import io.millrace.engine.state.StateBackend;
import io.millrace.engine.state.StateDescriptor;
import io.millrace.engine.state.ValueState;
import io.millrace.engine.state.rocksdb.RocksDbOptions;
import io.millrace.engine.state.rocksdb.RocksDbStateBackend;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The harness drives keyed state, event- and processing-time timers, and snapshot → restore like a task. */
class OperatorTestHarnessTest {

  /** Sums per key; emits the sum when the watermark passes the key's timer (event time + 10). */
  static final class SumUntilTimer implements OneInputOperator {
    private ValueState<Long> sum;
    private TimerService timers;
    private long records; // operator state: records seen by this subtask

    @Override
    public void open(OperatorContext context) {
      sum = context.keyedStateBackend().getState(context.nodeId(), StateDescriptor.value("sum", Serializers.LONG));
      timers = context.timerService();
      for (byte[] entry : context.restoredOperatorState()) {
        records += ByteBuffer.wrap(entry).getLong();
      }
    }

    @Override
    public void processRecord(StreamRecord record, Output out) {
      records++;
      Long current = sum.value();
      sum.update((current == null ? 0 : current) + (Long) record.value());
      timers.registerEventTimeTimer(0, record.timestamp() + 10);
      timers.registerProcessingTimeTimer(1, timers.currentProcessingTime() + 100);
    }

    @Override
    public void onEventTimeTimer(Timer timer, Output out) {
      out.collect(new StreamRecord(Map.of("key", timer.key(), "sum", sum.value()), timer.key(), timer.timestamp()));
    }

    @Override
    public void onProcessingTimeTimer(Timer timer, Output out) {
      out.collect(new StreamRecord(Map.of("key", timer.key(), "records", records), timer.key(), timer.timestamp()));
    }

    @Override
    public List<byte[]> snapshotOperatorState(long checkpointId) {
      return List.of(ByteBuffer.allocate(8).putLong(records).array());
    }
  }

  @Test
  void timersFireBeforeTheWatermarkIsForwarded() throws Exception {
    try (var harness = OperatorTestHarness.builder(new SumUntilTimer(), "sum", "process").keyed().open()) {
      harness.processRecord(5L, "a", 100);
      harness.processRecord(7L, "a", 104);
      harness.processRecord(1L, "b", 200);
      harness.processWatermark(113);
      assertThat(harness.outputValues()).containsExactly(Map.of("key", "a", "sum", 12L));
      assertThat(harness.watermarks()).containsExactly(113L);
      harness.processWatermark(Long.MAX_VALUE);
      assertThat(harness.outputValues()).contains(Map.of("key", "b", "sum", 1L));
    }
  }

  @Test
  void processingTimeTimersFireWhenTheManualClockAdvances() throws Exception {
    try (var harness = OperatorTestHarness.builder(new SumUntilTimer(), "sum", "process").keyed().open()) {
      harness.processRecord(5L, "a", 100);
      harness.advanceProcessingTime(99);
      assertThat(harness.output()).isEmpty();
      harness.advanceProcessingTime(1);
      assertThat(harness.outputValues()).containsExactly(Map.of("key", "a", "records", 1L));
    }
  }

  @Test
  void snapshotRestoredIntoAFreshOperatorContinuesLikeAnUninterruptedRun() throws Exception {
    List<Object> uninterrupted;
    try (var harness = OperatorTestHarness.builder(new SumUntilTimer(), "sum", "process").keyed().open()) {
      harness.processRecord(5L, "a", 100);
      harness.processRecord(1L, "b", 100);
      harness.processRecord(7L, "a", 104);
      harness.processWatermark(Long.MAX_VALUE);
      uninterrupted = harness.outputValues();
    }
    var first = OperatorTestHarness.builder(new SumUntilTimer(), "sum", "process").keyed().open();
    first.processRecord(5L, "a", 100);
    first.processRecord(1L, "b", 100);
    OperatorSnapshot snapshot = first.snapshot(1);
    first.processRecord(1000L, "a", 104); // after the snapshot: lost with the failure
    first.close();

    try (var restored = first.restore(new SumUntilTimer(), snapshot)) {
      restored.processRecord(7L, "a", 104);
      restored.processWatermark(Long.MAX_VALUE);
      assertThat(restored.outputValues()).containsExactlyInAnyOrderElementsOf(uninterrupted);
      restored.advanceProcessingTime(100);
      // operator state came back too: 2 records before the snapshot + 1 after restore
      assertThat(restored.outputValues()).contains(Map.of("key", "a", "records", 3L));
    }
  }

  /** A state backend that remembers whether it was closed. */
  static final class TrackedBackend implements StateBackend {
    final StateBackend delegate;
    boolean closed;

    TrackedBackend(StateBackend delegate) {
      this.delegate = delegate;
    }

    @Override
    public String kind() {
      return delegate.kind();
    }

    @Override
    public KeyedStateBackend createKeyedStateBackend(KeyedBackendParameters parameters) {
      return delegate.createKeyedStateBackend(parameters);
    }

    @Override
    public void close() {
      closed = true;
      delegate.close();
    }
  }

  @Test
  void withRocksDbASnapshotRestoresIntoAFreshOperatorAndAFreshBackend() throws Exception {
    List<TrackedBackend> made = new ArrayList<>();
    Supplier<StateBackend> rocksdb = () -> {
      TrackedBackend backend = new TrackedBackend(new RocksDbStateBackend(RocksDbOptions.small()));
      made.add(backend);
      return backend;
    };
    List<Object> uninterrupted;
    try (var harness = OperatorTestHarness.builder(new SumUntilTimer(), "sum", "process").keyed()
        .stateBackend(rocksdb).open()) {
      harness.processRecord(5L, "a", 100);
      harness.processRecord(1L, "b", 100);
      harness.processRecord(7L, "a", 104);
      harness.processWatermark(Long.MAX_VALUE);
      uninterrupted = harness.outputValues();
    }
    var first = OperatorTestHarness.builder(new SumUntilTimer(), "sum", "process").keyed()
        .stateBackend(rocksdb).open();
    first.processRecord(5L, "a", 100);
    first.processRecord(1L, "b", 100);
    OperatorSnapshot snapshot = first.snapshot(1);
    assertThat(snapshot.keyedState().backendKind()).isEqualTo("rocksdb");
    first.processRecord(1000L, "a", 104); // after the snapshot: lost with the failure
    first.close(); // the RocksDB backend removed its directory itself: closing must not fail on it
    assertThat(made).hasSize(2).allMatch(b -> b.closed);

    try (var restored = first.restore(new SumUntilTimer(), snapshot)) {
      assertThat(made).hasSize(3);
      assertThat(made.get(2).closed).as("the restored harness has a fresh, open backend").isFalse();
      restored.processRecord(7L, "a", 104);
      restored.processWatermark(Long.MAX_VALUE);
      assertThat(restored.outputValues()).isNotEmpty().containsExactlyInAnyOrderElementsOf(uninterrupted);
      restored.advanceProcessingTime(100);
      assertThat(restored.outputValues()).contains(Map.of("key", "a", "records", 3L));
    }
    assertThat(made.get(2).closed).isTrue();
  }
}
