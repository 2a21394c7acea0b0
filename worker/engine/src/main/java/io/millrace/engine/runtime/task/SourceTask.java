package io.millrace.engine.runtime.task;

import io.millrace.engine.api.DeadLetterPolicy;
import io.millrace.engine.api.DeadLetters;
import io.millrace.engine.api.ExpressionFailedException;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.connector.InputStatus;
import io.millrace.engine.connector.ReaderOutput;
import io.millrace.engine.connector.Source;
import io.millrace.engine.connector.SourceReader;
import io.millrace.engine.connector.SourceReaderContext;
import io.millrace.engine.connector.SourceSplit;
import io.millrace.engine.connector.SplitAssignment;
import io.millrace.engine.connector.SplitCodec;
import io.millrace.engine.runtime.checkpoint.TaskId;
import io.millrace.engine.runtime.exchange.ControlElement;
import io.millrace.engine.runtime.exchange.RecordWriter;
import io.millrace.engine.runtime.watermark.BoundedOutOfOrdernessWatermarks;
import io.millrace.engine.runtime.watermark.SplitWatermarks;
import io.millrace.engine.runtime.watermark.WatermarkValve;
import io.millrace.spec.expr.CompiledExpression;
import io.millrace.spec.expr.EvalResult;
import io.millrace.spec.plan.JobVertex;
import io.millrace.spec.plan.KeyGroupRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task whose chain starts with a source: polls the connector's reader, assigns event time (the
 * spec's {@code watermark.timestamp} expression, else the reader's timestamp), generates bounded
 * out-of-orderness watermarks with idle detection — one generator per split the reader names
 * ({@link ReaderOutput#forSplit}), the subtask's watermark being the minimum over non-idle splits —
 * and injects barriers when the coordinator
 * triggers a checkpoint. Its split state (each split with its position) is operator state of the
 * source node, redistributed over subtasks on restore.
 */
public final class SourceTask<S extends SourceSplit> extends Task {

  private final JobVertex sourceVertex;
  private final int subtaskIndex;
  private final Source<S> source;
  private final Downstream head;
  private final ExchangeDownstream deadLetters;
  private final SourceEventTime eventTime;
  /** Records handed to the reader output directly: one implicit split. */
  private final SplitOutput readerOutput = new SplitOutput(DEFAULT_SPLIT);
  private final Map<String, SplitOutput> splitOutputs = new HashMap<>();
  /** The source node's own metrics (the reader's gauges, e.g. Kafka consumer lag). */
  private final SimpleOperatorMetrics sourceMetrics = new SimpleOperatorMetrics();
  private SourceReader<S> reader;
  private CompiledExpression timestampExpression;
  private SplitWatermarks watermarks;
  private DeadLetterPolicy deadLetterPolicy;
  private boolean inputEnded;

  /**
   * @param head the first chained operator, or the exchanges when the chain is only the source
   * @param deadLetters the source node's dead-letter exchanges (timestamp expression failures)
   */
  public SourceTask(TaskId id, TaskServices services, JobVertex sourceVertex, Source<S> source,
      List<OperatorHost> hosts, Downstream head, ExchangeDownstream deadLetters, List<RecordWriter> writers,
      KeyGroupRange keyGroups, TaskMetrics metrics) {
    super(id, services, hosts, writers, keyGroups, metrics);
    this.sourceVertex = sourceVertex;
    this.subtaskIndex = id.subtask();
    this.source = source;
    this.head = head;
    this.deadLetters = deadLetters;
    this.eventTime = SourceEventTime.fromSettings(sourceVertex);
  }

  @Override
  protected void openOperators() throws Exception {
    deadLetterPolicy = DeadLetterPolicy.fromSettings(sourceVertex.settings());
    if (eventTime.timestampExpression() != null) {
      RuntimeOperatorContext context = new RuntimeOperatorContext(sourceVertex, subtaskIndex,
          services.maxParallelism(), null, services.compiler(), null, null, services.clock(),
          new SimpleOperatorMetrics(), List.of(), false);
      timestampExpression = context.compile("watermark.timestamp", eventTime.timestampExpression(),
          io.millrace.spec.expr.ExpressionKind.TIMESTAMP);
    }
    if (eventTime.enabled()) {
      watermarks = new SplitWatermarks(eventTime.maxOutOfOrdernessMillis(),
          eventTime.idleTimeoutMillis(), services.clock().currentTimeMillis());
    }
    for (int i = hosts.size() - 1; i >= 0; i--) {
      openHost(hosts.get(i), subtaskIndex);
    }
    reader = source.createReader(new SourceReaderContext(sourceVertex.id(), subtaskIndex,
        sourceVertex.parallelism(), sourceVertex.settings(), services.clock(), sourceMetrics));
    reader.addSplits(initialSplits());
  }

  private List<S> initialSplits() throws Exception {
    SplitCodec<S> codec = source.splitCodec();
    if (services.restoreFrom() != null && services.restoreFrom().hasOperatorState(sourceVertex.id())) {
      List<S> restored = new ArrayList<>();
      try {
        for (byte[] entry : services.restoreFrom().operatorState(sourceVertex.id())) {
          restored.add(codec.decode(entry));
        }
      } catch (Exception e) {
        throw new StateRestoreException(id, services.restoreFrom().id(), "source splits of " + sourceVertex.id(), e);
      }
      return SplitAssignment.share(restored, subtaskIndex, sourceVertex.parallelism());
    }
    return SplitAssignment.share(source.discoverSplits(), subtaskIndex, sourceVertex.parallelism());
  }

  /** The source node's metrics: what its reader registered (counters, gauges). */
  public SimpleOperatorMetrics sourceMetrics() {
    return sourceMetrics;
  }

  @Override
  protected Map<String, SimpleOperatorMetrics> operatorMetrics() {
    Map<String, SimpleOperatorMetrics> byNode = new LinkedHashMap<>();
    byNode.put(sourceVertex.id(), sourceMetrics);
    byNode.putAll(super.operatorMetrics());
    return byNode;
  }

  @Override
  protected void runLoop() throws Exception {
    int polls = 0;
    while (true) {
      drainMailbox();
      checkCancelled();
      if (finalCheckpointCompleted()) {
        return;
      }
      if (inputEnded) {
        idleWait();
        continue;
      }
      InputStatus status = reader.pollNext(readerOutput);
      emitWatermarkIfAdvanced();
      if (status == InputStatus.END_OF_INPUT) {
        endOfInput();
      } else if (status == InputStatus.NOTHING_AVAILABLE) {
        if (watermarks != null && watermarks.becameIdle(services.clock().currentTimeMillis())) {
          broadcast(new ControlElement.IdleMarker(true), true);
        }
        idleWait();
      } else if (++polls % 64 == 0) {
        advanceProcessingTime();
      }
    }
  }

  /** Split id of the records a reader hands to the task's output directly (no reader names it). */
  private static final String DEFAULT_SPLIT = "\u0000default";

  /**
   * The output of one split; its watermark generator is registered on the first record (the
   * implicit split) or when the reader asks for it ({@link ReaderOutput#forSplit}).
   */
  private final class SplitOutput implements ReaderOutput {
    private final String splitId;
    private BoundedOutOfOrdernessWatermarks generator;

    SplitOutput(String splitId) {
      this.splitId = splitId;
    }

    BoundedOutOfOrdernessWatermarks generator() {
      if (generator == null) {
        generator = watermarks.split(splitId, services.clock().currentTimeMillis());
      }
      return generator;
    }

    @Override
    public void collect(Object value, long timestamp) {
      emit(this, value, timestamp);
    }

    @Override
    public void deadLetter(Object value, long timestamp, String reason) {
      unreadable(new StreamRecord(value, null, timestamp), reason);
    }

    @Override
    public ReaderOutput forSplit(String id) {
      if (watermarks == null) {
        return readerOutput;
      }
      SplitOutput output = splitOutputs.computeIfAbsent(id, SplitOutput::new);
      output.generator();
      return output;
    }

    @Override
    public void releaseSplit(String id) {
      SplitOutput output = splitOutputs.remove(id);
      if (output != null) {
        watermarks.release(id);
      }
    }

    @Override
    public void markIdle() {
      if (watermarks != null) {
        generator().markIdle();
      }
    }
  }

  private void emit(SplitOutput split, Object value, long readerTimestamp) {
    long timestamp = readerTimestamp;
    StreamRecord record = new StreamRecord(value, null, timestamp);
    if (timestampExpression != null) {
      EvalResult result = timestampExpression.evaluate(value, null, readerTimestamp);
      if (result instanceof EvalResult.Failed failed) {
        timestampFailed(record, failed.reason());
        return;
      }
      timestamp = (Long) ((EvalResult.Value) result).value();
      record = new StreamRecord(value, null, timestamp);
    }
    metrics.recordIn();
    try {
      if (watermarks != null) {
        if (watermarks.onRecord(split.generator(), record.hasTimestamp(), timestamp,
            services.clock().currentTimeMillis())) {
          broadcast(new ControlElement.IdleMarker(false), false);
        }
      }
      head.processRecord(record);
    } catch (RuntimeException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskCancelledException(id.toString());
    } catch (Exception e) {
      throw new OperatorHost.ChainedOperatorException(e);
    }
  }

  private void timestampFailed(StreamRecord record, String reason) {
    if (deadLetterPolicy.failOnError()) {
      throw new ExpressionFailedException(sourceVertex.id(), eventTime.timestampExpression(), reason);
    }
    toDeadLetters(record, "watermark.timestamp: " + reason);
  }

  /** The reader could not decode this input (ReaderOutput.deadLetter). */
  private void unreadable(StreamRecord record, String reason) {
    if (deadLetterPolicy.failOnError()) {
      throw new IllegalStateException("node '" + sourceVertex.id() + "': unreadable input (deadLetter.onError: fail): "
          + reason);
    }
    metrics.recordIn();
    toDeadLetters(record, reason);
  }

  private void toDeadLetters(StreamRecord record, String reason) {
    try {
      deadLetters.processRecord(DeadLetters.of(sourceVertex.id(), record, reason, deadLetterPolicy.includeRecord()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskCancelledException(id.toString());
    }
  }

  private void emitWatermarkIfAdvanced() throws Exception {
    if (watermarks == null) {
      return;
    }
    long watermark = watermarks.nextWatermark(services.clock().currentTimeMillis());
    if (watermark != WatermarkValve.NO_CHANGE) {
      metrics.watermark(watermark);
      head.processWatermark(watermark);
    }
  }

  /**
   * The reader is exhausted: the final watermark flushes event-time state (windows fire), operators
   * see end of input, consumers get end of data; then the task waits for the final checkpoint.
   */
  private void endOfInput() throws Exception {
    inputEnded = true;
    if (watermarks != null && watermarks.isIdle()) {
      broadcast(new ControlElement.IdleMarker(false), false);
    }
    metrics.watermark(Long.MAX_VALUE);
    head.processWatermark(Long.MAX_VALUE);
    deadLetters.processWatermark(Long.MAX_VALUE);
    endInputOfChain();
    broadcast(ControlElement.EndOfInput.INSTANCE, true);
    services.responder().sourceFinished(id);
  }

  @Override
  protected void onTrigger(Mail.TriggerCheckpoint trigger) throws Exception {
    performCheckpoint(new ControlElement.Barrier(trigger.checkpointId(), trigger.savepoint(),
        trigger.finalCheckpoint()));
  }

  @Override
  protected void snapshotInputState(long checkpointId, Map<String, List<byte[]>> state) {
    SplitCodec<S> codec = source.splitCodec();
    List<byte[]> splits = new ArrayList<>();
    for (S split : reader.snapshotState(checkpointId)) {
      splits.add(codec.encode(split));
    }
    state.put(sourceVertex.id(), splits);
  }

  @Override
  protected void notifyInputCheckpointComplete(long checkpointId) throws Exception {
    reader.notifyCheckpointComplete(checkpointId);
  }

  @Override
  protected void closeInput() throws Exception {
    if (reader != null) {
      reader.close();
    }
  }
}
