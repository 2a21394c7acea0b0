package io.millrace.engine.testing;

import io.millrace.engine.api.OneInputOperator;
import io.millrace.engine.api.OutputTag;
import io.millrace.engine.api.StreamOperator;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.api.TwoInputOperator;
import io.millrace.engine.runtime.task.Downstream;
import io.millrace.engine.runtime.task.KeyedTimerService;
import io.millrace.engine.runtime.task.OperatorHost;
import io.millrace.engine.runtime.task.RuntimeOperatorContext;
import io.millrace.engine.runtime.task.SimpleOperatorMetrics;
import io.millrace.engine.state.KeyedBackendParameters;
import io.millrace.engine.state.KeyedStateBackend;
import io.millrace.engine.state.KeyedStateHandle;
import io.millrace.engine.state.SnapshotType;
import io.millrace.engine.state.StateBackend;
import io.millrace.engine.state.heap.HeapStateBackend;
import io.millrace.spec.expr.CelExpressionCompiler;
import io.millrace.spec.expr.RecordType;
import io.millrace.spec.plan.JobVertex;
import io.millrace.spec.plan.KeyGroupRange;
import io.millrace.spec.plan.KeyGroups;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Drives ONE operator synchronously, exactly as a task would (same host: current key set per record,
 * event-time timers fired before a watermark is handed on, dead letters to side outputs): push
 * records and watermarks, advance processing time, take a snapshot at a barrier, restore it into a
 * fresh operator, and inspect main output, side outputs and watermarks.
 *
 * <pre>{@code
 * var harness = OperatorTestHarness.builder(new MapOperator(), "m", "map")
 *     .setting("expression", "value.x * 2").open();
 * harness.processRecord(Map.of("x", 21L));
 * assertThat(harness.outputValues()).containsExactly(42L);
 * }</pre>
 *
 * Keyed vertices get a heap state backend (or one from the given factory: every harness, the
 * restored ones included, gets a fresh {@link StateBackend} and closes it); records need a key
 * ({@link #processRecord(Object, Object, long)}).
 */
public final class OperatorTestHarness implements AutoCloseable {

  private final Builder config;
  private final StreamOperator operator;
  private final OperatorHost host;
  private final List<StreamRecord> output = new ArrayList<>();
  private final Map<String, List<StreamRecord>> sideOutputs = new HashMap<>();
  private final List<Long> watermarks = new ArrayList<>();
  private final InMemoryCheckpointStore store;
  private final Path workingDirectory;
  private final StateBackend stateBackend;
  private KeyedStateBackend backend;

  private OperatorTestHarness(Builder config, StreamOperator operator, OperatorSnapshot restoreFrom) throws Exception {
    this.config = config;
    this.operator = operator;
    this.store = restoreFrom == null ? new InMemoryCheckpointStore() : restoreFrom.store();
    this.workingDirectory = Files.createTempDirectory("harness-");
    JobVertex vertex = new JobVertex(config.nodeId, config.kind, config.parallelism, config.keyed, config.settings,
        config.inputTypes);
    this.host = new OperatorHost(vertex, operator, config.nodeId + "#" + config.subtaskIndex, new SimpleOperatorMetrics());
    Map<String, Downstream> sides = new HashMap<>();
    for (String tag : List.of(OutputTag.LATE.name(), OutputTag.DEAD_LETTER.name())) {
      sides.put(tag, capture(sideOutputs.computeIfAbsent(tag, t -> new ArrayList<>()), null));
    }
    host.connect(capture(output, watermarks), sides);
    KeyGroupRange range = KeyGroups.rangeFor(config.maxParallelism, config.parallelism, config.subtaskIndex);
    // A fresh StateBackend per harness: a restore must not lean on resources of the harness it
    // restores from (that one may be closed already, as a failed task's would be).
    this.stateBackend = config.keyed ? config.stateBackends.get() : null;
    if (config.keyed) {
      backend = stateBackend.createKeyedStateBackend(new KeyedBackendParameters(config.nodeId + "#"
          + config.subtaskIndex, List.of(config.nodeId), range, config.maxParallelism, workingDirectory,
          config.clock::currentTimeMillis));
      if (restoreFrom != null && restoreFrom.keyedState() != null) {
        backend.restore(store, List.of(restoreFrom.keyedState()));
      }
    }
    host.bindBackend(backend);
    var timers = backend == null ? null
        : new KeyedTimerService(host::timers, config.clock, host::currentWatermark);
    host.open(new RuntimeOperatorContext(vertex, config.subtaskIndex, config.maxParallelism,
        config.keyed ? range : null, new CelExpressionCompiler(), backend, timers, config.clock, host.metrics(),
        restoreFrom == null ? List.of() : restoreFrom.operatorState(), restoreFrom != null));
  }

  private static Downstream capture(List<StreamRecord> records, List<Long> marks) {
    return new Downstream() {
      @Override
      public void processRecord(StreamRecord record) {
        records.add(record);
      }

      @Override
      public void processWatermark(long watermark) {
        if (marks != null) {
          marks.add(watermark);
        }
      }
    };
  }

  public static Builder builder(StreamOperator operator, String nodeId, String kind) {
    return new Builder(operator, nodeId, kind);
  }

  /** A record without key and event time. */
  public void processRecord(Object value) throws Exception {
    processRecord(StreamRecord.of(value));
  }

  public void processRecord(Object value, Object key, long timestamp) throws Exception {
    processRecord(new StreamRecord(value, key, timestamp));
  }

  public void processRecord(StreamRecord record) throws Exception {
    requireOneInput();
    host.processRecord(0, record);
  }

  /** A record of input 0 (left) of a two-input operator. */
  public void processRecord1(StreamRecord record) throws Exception {
    requireTwoInputs();
    host.processRecord(0, record);
  }

  /** A record of input 1 (right) of a two-input operator. */
  public void processRecord2(StreamRecord record) throws Exception {
    requireTwoInputs();
    host.processRecord(1, record);
  }

  /** A watermark (event-time timers up to it fire first). */
  public void processWatermark(long watermark) throws Exception {
    host.processWatermark(watermark);
  }

  /** Moves processing time forward and fires the processing-time timers that became due. */
  public void advanceProcessingTime(long millis) throws Exception {
    config.clock.advance(millis);
    host.advanceProcessingTime(config.clock.currentTimeMillis());
  }

  /**
   * A barrier: {@code prepareSnapshotPreBarrier} (its output lands in this harness), then operator
   * state and the keyed snapshot.
   */
  public OperatorSnapshot snapshot(long checkpointId) throws Exception {
    host.prepareSnapshotPreBarrier(checkpointId);
    List<byte[]> state = List.copyOf(host.snapshotOperatorState(checkpointId));
    KeyedStateHandle keyed = null;
    if (backend != null) {
      keyed = backend.snapshot(checkpointId, store, "harness/" + config.nodeId + "/" + checkpointId,
          SnapshotType.CHECKPOINT).run();
    }
    return new OperatorSnapshot(checkpointId, state, keyed, store);
  }

  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    operator.notifyCheckpointComplete(checkpointId);
  }

  /** End of input (the final watermark is NOT implied: push {@code Long.MAX_VALUE} first if wanted). */
  public void endInput() throws Exception {
    host.endInput();
  }

  /**
   * A new harness, same configuration, with {@code fresh} (a new operator instance) restored from
   * {@code snapshot}. Close this one first if it should not be used anymore.
   */
  public OperatorTestHarness restore(StreamOperator fresh, OperatorSnapshot snapshot) throws Exception {
    return new OperatorTestHarness(config, fresh, snapshot);
  }

  public List<StreamRecord> output() {
    return List.copyOf(output);
  }

  public List<Object> outputValues() {
    return output.stream().map(StreamRecord::value).toList();
  }

  public List<StreamRecord> sideOutput(OutputTag tag) {
    return List.copyOf(sideOutputs.getOrDefault(tag.name(), List.of()));
  }

  /** Watermarks the operator emitted on its main output. */
  public List<Long> watermarks() {
    return List.copyOf(watermarks);
  }

  public void clearOutput() {
    output.clear();
    sideOutputs.values().forEach(List::clear);
    watermarks.clear();
  }

  public ManualProcessingTimeService clock() {
    return config.clock;
  }

  public SimpleOperatorMetrics metrics() {
    return host.metrics();
  }

  /** The keyed backend (null for a non-keyed operator), e.g. to check state directly. */
  public KeyedStateBackend keyedStateBackend() {
    return backend;
  }

  @Override
  public void close() throws Exception {
    try {
      operator.close();
    } finally {
      try {
        if (backend != null) {
          backend.close();
        }
      } finally {
        if (stateBackend != null) {
          stateBackend.close();
        }
        deleteRecursively(workingDirectory);
      }
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return; // a backend that owns its working directory (RocksDB) removed it when it closed
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void requireOneInput() {
    if (!(operator instanceof OneInputOperator)) {
      throw new IllegalStateException("a two-input operator: use processRecord1/processRecord2");
    }
  }

  private void requireTwoInputs() {
    if (!(operator instanceof TwoInputOperator)) {
      throw new IllegalStateException("a one-input operator: use processRecord");
    }
  }

  /** Configures a harness; {@link #open()} builds it and opens the operator. */
  public static final class Builder {
    private final StreamOperator operator;
    private final String nodeId;
    private final String kind;
    private final Map<String, Object> settings = new HashMap<>();
    private boolean keyed;
    private int subtaskIndex;
    private int parallelism = 1;
    private int maxParallelism = KeyGroups.DEFAULT_MAX_PARALLELISM;
    private Supplier<? extends StateBackend> stateBackends = HeapStateBackend::new;
    private List<RecordType> inputTypes = List.of();
    private ManualProcessingTimeService clock = new ManualProcessingTimeService(0);

    private Builder(StreamOperator operator, String nodeId, String kind) {
      this.operator = operator;
      this.nodeId = nodeId;
      this.kind = kind;
    }

    /** A setting of the plan vertex, as JSON-compatible values (durations as "10s"). */
    public Builder setting(String name, Object value) {
      settings.put(name, value);
      return this;
    }

    public Builder settings(Map<String, Object> values) {
      settings.putAll(values);
      return this;
    }

    /** Keyed operator: gets a keyed state backend and timers. */
    public Builder keyed() {
      this.keyed = true;
      return this;
    }

    public Builder subtask(int index, int ofParallelism) {
      this.subtaskIndex = index;
      this.parallelism = ofParallelism;
      return this;
    }

    public Builder maxParallelism(int value) {
      this.maxParallelism = value;
      return this;
    }

    /**
     * Where keyed state lives: each harness — the first and every one made by {@link #restore} —
     * gets a fresh backend from {@code factory} and closes it in {@link #close()}.
     */
    public Builder stateBackend(Supplier<? extends StateBackend> factory) {
      this.stateBackends = java.util.Objects.requireNonNull(factory, "factory");
      return this;
    }

    /** The record types of the operator's inputs, as a typed plan carries them (default: dynamic). */
    public Builder inputTypes(RecordType... types) {
      this.inputTypes = List.of(types);
      return this;
    }

    public Builder clock(ManualProcessingTimeService manualClock) {
      this.clock = manualClock;
      return this;
    }

    public OperatorTestHarness open() throws Exception {
      return new OperatorTestHarness(this, operator, null);
    }
  }
}
