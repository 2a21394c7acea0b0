package io.millrace.engine.operators;

import io.millrace.engine.api.OneInputOperator;
import io.millrace.engine.api.OperatorContext;
import io.millrace.engine.api.OperatorMetrics;
import io.millrace.engine.api.OperatorSetupException;
import io.millrace.engine.api.Output;
import io.millrace.engine.api.OutputTag;
import io.millrace.engine.api.ProcessingTimeService;
import io.millrace.engine.api.StreamOperator;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.api.TimerService;
import io.millrace.engine.api.TwoInputOperator;
import io.millrace.engine.checkpoint.store.CheckpointStore;
import io.millrace.engine.state.InternalTimerService;
import io.millrace.engine.state.KeyedBackendParameters;
import io.millrace.engine.state.KeyedStateBackend;
import io.millrace.engine.state.KeyedStateHandle;
import io.millrace.engine.state.StateBackend;
import io.millrace.engine.state.TimeDomain;
import io.millrace.spec.expr.CelExpressionCompiler;
import io.millrace.spec.expr.CompileResult;
import io.millrace.spec.expr.CompiledExpression;
import io.millrace.spec.expr.ExpressionCompiler;
import io.millrace.spec.expr.ExpressionKind;
import io.millrace.spec.expr.ExpressionScope;
import io.millrace.spec.expr.RecordType;
import io.millrace.spec.plan.KeyGroupRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Drives ONE keyed operator the way a task does, on a real keyed state backend (heap or RocksDB):
 * records (setting the current key), watermarks (firing event-time timers first), processing time
 * (manual), snapshot and restore into a fresh bench. Test fixture for this package's operator tests
 * until the runtime's harness ({@code io.millrace.engine.testing}) covers two-input operators.
 */
public final class OperatorBench implements AutoCloseable {

  public static final int MAX_PARALLELISM = 128;

  private final StreamOperator operator;
  private final StateBackend stateBackend;
  private final KeyedStateBackend backend;
  private final InternalTimerService internalTimers;
  private final AtomicLong processingTime;
  private final Collector out = new Collector();
  private final Map<String, SimpleCounter> counters = new HashMap<>();
  private long watermark = Long.MIN_VALUE;

  private OperatorBench(StreamOperator operator, String nodeId, Map<String, Object> settings,
      StateBackend stateBackend, Path workDir, AtomicLong clock, CheckpointStore store, Checkpoint restoreFrom)
      throws Exception {
    this.operator = operator;
    this.processingTime = clock;
    this.stateBackend = stateBackend;
    LongSupplier time = clock::get;
    this.backend = stateBackend.createKeyedStateBackend(new KeyedBackendParameters(nodeId + "#0", List.of(nodeId),
        new KeyGroupRange(0, MAX_PARALLELISM - 1), MAX_PARALLELISM, workDir, time));
    if (restoreFrom != null) {
      backend.restore(store, List.of(restoreFrom.keyed()));
    }
    this.internalTimers = backend.timerService(nodeId);
    operator.open(new Context(nodeId, settings, restoreFrom == null ? null : restoreFrom.operatorState()));
  }

  public static OperatorBench open(StreamOperator operator, String nodeId, Map<String, Object> settings,
      StateBackend stateBackend, Path workDir) throws Exception {
    return new OperatorBench(operator, nodeId, settings, stateBackend, workDir, new AtomicLong(0), null, null);
  }

  /** What a checkpoint holds for one operator subtask: keyed state and operator state. */
  public record Checkpoint(KeyedStateHandle keyed, List<byte[]> operatorState, long processingTime) {}

  /**
   * A fresh operator instance restored from a checkpoint, as a task does after a failure: the
   * watermark starts over at {@code Long.MIN_VALUE}; processing time continues from the checkpoint's.
   */
  public static OperatorBench restore(StreamOperator operator, String nodeId, Map<String, Object> settings,
      StateBackend stateBackend, Path workDir, CheckpointStore store, Checkpoint checkpoint) throws Exception {
    return new OperatorBench(operator, nodeId, settings, stateBackend, workDir,
        new AtomicLong(checkpoint.processingTime()), store, checkpoint);
  }

  public void record(Object value, Object key, long timestamp) throws Exception {
    setKey(key);
    ((OneInputOperator) operator).processRecord(new StreamRecord(value, key, timestamp), out);
  }

  public void left(Object value, Object key, long timestamp) throws Exception {
    setKey(key);
    ((TwoInputOperator) operator).processRecord1(new StreamRecord(value, key, timestamp), out);
  }

  public void right(Object value, Object key, long timestamp) throws Exception {
    setKey(key);
    ((TwoInputOperator) operator).processRecord2(new StreamRecord(value, key, timestamp), out);
  }

  private void setKey(Object key) {
    if (key != null) {
      backend.setCurrentKey(key);
    }
  }

  public void watermark(long newWatermark) throws Exception {
    watermark = newWatermark;
    internalTimers.advanceTo(TimeDomain.EVENT_TIME, newWatermark, timer ->
        operator.onEventTimeTimer(new io.millrace.engine.api.Timer(timer.key(), timer.namespace(), timer.timestamp()), out));
    operator.processWatermark(newWatermark, out);
  }

  public void processingTime(long time) throws Exception {
    processingTime.set(time);
    internalTimers.advanceTo(TimeDomain.PROCESSING_TIME, time, timer ->
        operator.onProcessingTimeTimer(new io.millrace.engine.api.Timer(timer.key(), timer.namespace(), timer.timestamp()), out));
  }

  /** A barrier: {@code prepareSnapshotPreBarrier}, then operator state and the keyed snapshot. */
  public Checkpoint snapshot(long checkpointId, CheckpointStore store) throws Exception {
    operator.prepareSnapshotPreBarrier(checkpointId, out);
    List<byte[]> operatorState = operator.snapshotOperatorState(checkpointId);
    return new Checkpoint(backend.snapshot(checkpointId, store, "chk-" + checkpointId).run(), operatorState,
        processingTime.get());
  }

  public long currentWatermark() {
    return watermark;
  }

  public long currentProcessingTime() {
    return processingTime.get();
  }

  public long timerCount() {
    return internalTimers.size(TimeDomain.EVENT_TIME) + internalTimers.size(TimeDomain.PROCESSING_TIME);
  }

  /** Main-output records since the last {@link #takeOutput}. */
  public List<StreamRecord> takeOutput() {
    List<StreamRecord> taken = new ArrayList<>(out.main);
    out.main.clear();
    return taken;
  }

  public List<StreamRecord> sideOutput(OutputTag tag) {
    return out.side.getOrDefault(tag.name(), List.of());
  }

  public long counter(String name) {
    SimpleCounter c = counters.get(name);
    return c == null ? 0 : c.count();
  }

  @Override
  public void close() throws Exception {
    try {
      operator.close();
    } finally {
      try {
        backend.close();
      } finally {
        stateBackend.close();
      }
    }
  }

  private static final class Collector implements Output {
    final List<StreamRecord> main = new ArrayList<>();
    final Map<String, List<StreamRecord>> side = new HashMap<>();

    @Override
    public void collect(StreamRecord record) {
      main.add(record);
    }

    @Override
    public void collect(OutputTag tag, StreamRecord record) {
      side.computeIfAbsent(tag.name(), t -> new ArrayList<>()).add(record);
    }

    @Override
    public void emitWatermark(long watermark) {}
  }

  private static final class SimpleCounter implements OperatorMetrics.Counter {
    private long count;

    @Override
    public void inc() {
      count++;
    }

    @Override
    public void inc(long n) {
      count += n;
    }

    @Override
    public long count() {
      return count;
    }
  }

  private final class Context implements OperatorContext {
    private final String nodeId;
    private final Map<String, Object> settings;
    private final List<byte[]> restored;
    private final ExpressionCompiler compiler = new CelExpressionCompiler();

    Context(String nodeId, Map<String, Object> settings, List<byte[]> restored) {
      this.nodeId = nodeId;
      this.settings = settings;
      this.restored = restored;
    }

    @Override
    public String nodeId() {
      return nodeId;
    }

    @Override
    public String kind() {
      return "test";
    }

    @Override
    public int subtaskIndex() {
      return 0;
    }

    @Override
    public int parallelism() {
      return 1;
    }

    @Override
    public int maxParallelism() {
      return MAX_PARALLELISM;
    }

    @Override
    public boolean keyed() {
      return true;
    }

    @Override
    public KeyGroupRange keyGroupRange() {
      return new KeyGroupRange(0, MAX_PARALLELISM - 1);
    }

    @Override
    public Map<String, Object> settings() {
      return settings;
    }

    @Override
    public ExpressionCompiler expressionCompiler() {
      return compiler;
    }

    @Override
    public CompiledExpression compile(String setting, String expression, ExpressionKind kind) {
      return compile(setting, expression, ExpressionScope.forRecord(RecordType.dynamicRecord()), kind);
    }

    @Override
    public CompiledExpression compile(String setting, String expression, ExpressionScope scope, ExpressionKind kind) {
      CompileResult result = compiler.compile(expression, scope, kind);
      if (result instanceof CompileResult.Failed failed) {
        throw new OperatorSetupException(nodeId, setting + ": " + failed.errors());
      }
      return ((CompileResult.Compiled) result).expression();
    }

    @Override
    public KeyedStateBackend keyedStateBackend() {
      return backend;
    }

    @Override
    public TimerService timerService() {
      return new TimerService() {
        @Override
        public long currentProcessingTime() {
          return processingTime.get();
        }

        @Override
        public long currentWatermark() {
          return watermark;
        }

        @Override
        public void registerEventTimeTimer(long namespace, long timestamp) {
          internalTimers.registerTimer(TimeDomain.EVENT_TIME, namespace, timestamp);
        }

        @Override
        public void deleteEventTimeTimer(long namespace, long timestamp) {
          internalTimers.deleteTimer(TimeDomain.EVENT_TIME, namespace, timestamp);
        }

        @Override
        public void registerProcessingTimeTimer(long namespace, long timestamp) {
          internalTimers.registerTimer(TimeDomain.PROCESSING_TIME, namespace, timestamp);
        }

        @Override
        public void deleteProcessingTimeTimer(long namespace, long timestamp) {
          internalTimers.deleteTimer(TimeDomain.PROCESSING_TIME, namespace, timestamp);
        }
      };
    }

    @Override
    public ProcessingTimeService processingTimeService() {
      return processingTime::get;
    }

    @Override
    public OperatorMetrics metrics() {
      return new OperatorMetrics() {
        @Override
        public OperatorMetrics.Counter counter(String name) {
          return counters.computeIfAbsent(name, n -> new SimpleCounter());
        }

        @Override
        public void gauge(String name, LongSupplier value) {}
      };
    }

    @Override
    public List<byte[]> restoredOperatorState() {
      return restored == null ? List.of() : restored;
    }

    @Override
    public boolean isRestored() {
      return restored != null;
    }
  }
}
