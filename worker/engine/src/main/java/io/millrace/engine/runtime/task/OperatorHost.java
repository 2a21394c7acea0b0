package io.millrace.engine.runtime.task;

import io.millrace.engine.api.DeadLetterPolicy;
import io.millrace.engine.api.DeadLetters;
import io.millrace.engine.api.ExpressionFailedException;
import io.millrace.engine.api.OneInputOperator;
import io.millrace.engine.api.Output;
import io.millrace.engine.api.OutputTag;
import io.millrace.engine.api.StreamOperator;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.api.Timer;
import io.millrace.engine.api.TwoInputOperator;
import io.millrace.engine.state.InternalTimerService;
import io.millrace.engine.state.KeyedStateBackend;
import io.millrace.engine.state.TimeDomain;
import io.millrace.spec.plan.JobVertex;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Runs one operator of a chain: sets the current key before each callback of a keyed operator,
 * fires event-time timers before handing on a watermark, and gives the operator its {@link Output}
 * (the next host by method call, or the task's exchanges; side outputs to their own exchanges).
 */
public final class OperatorHost implements Downstream {

  private static final Logger LOG = Logger.getLogger(OperatorHost.class.getName());

  private final JobVertex vertex;
  private final StreamOperator operator;
  private KeyedStateBackend backend;
  private final String taskName;
  private final HostOutput output = new HostOutput();
  private final SimpleOperatorMetrics metrics;
  private Downstream main;
  private Map<String, Downstream> sideOutputs = Map.of();
  private InternalTimerService timers;
  private long watermark = Long.MIN_VALUE;
  private long lastEmittedWatermark = Long.MIN_VALUE;
  private DeadLetterPolicy deadLetterPolicy = DeadLetterPolicy.DEFAULT;

  public OperatorHost(JobVertex vertex, StreamOperator operator, String taskName, SimpleOperatorMetrics metrics) {
    this.vertex = vertex;
    this.operator = operator;
    this.taskName = taskName;
    this.metrics = metrics;
  }

  /**
   * The task's keyed backend (created on the task thread, hence after construction); ignored for a
   * non-keyed vertex. Null: no keyed state.
   */
  public void bindBackend(KeyedStateBackend keyedBackend) {
    this.backend = vertex.keyed() ? keyedBackend : null;
  }

  /** Wires the outputs (side outputs without a consumer are absent); called once before {@link #open}. */
  public void connect(Downstream mainOutput, Map<String, ? extends Downstream> sides) {
    this.main = mainOutput;
    this.sideOutputs = Map.copyOf(sides);
  }

  public void open(RuntimeOperatorContext context) throws Exception {
    deadLetterPolicy = context.deadLetterPolicy();
    operator.open(context);
  }

  /** Timers of this node, when it can have any (keyed with a backend). */
  public InternalTimerService timers() {
    if (timers == null && backend != null) {
      timers = backend.timerService(vertex.id());
    }
    return timers;
  }

  public JobVertex vertex() {
    return vertex;
  }

  public StreamOperator operator() {
    return operator;
  }

  public long currentWatermark() {
    return watermark;
  }

  public SimpleOperatorMetrics metrics() {
    return metrics;
  }

  @Override
  public void processRecord(StreamRecord record) throws Exception {
    processRecord(0, record);
  }

  /** A record of input {@code input} (0 or 1). */
  public void processRecord(int input, StreamRecord record) throws Exception {
    if (backend != null && record.key() != null) {
      // A keyed node normally receives keys from the HASH edge's sender. A record without one (a keyed
      // node fed by a FORWARD edge from a non-keyed node) is keyed by the operator itself (its keyBy).
      backend.setCurrentKey(record.key());
    }
    if (operator instanceof OneInputOperator one) {
      one.processRecord(record, output);
    } else if (input == 0) {
      ((TwoInputOperator) operator).processRecord1(record, output);
    } else {
      ((TwoInputOperator) operator).processRecord2(record, output);
    }
  }

  @Override
  public void processWatermark(long newWatermark) throws Exception {
    if (newWatermark <= watermark) {
      return;
    }
    watermark = newWatermark;
    InternalTimerService t = timers();
    if (t != null && t.nextTimestamp(TimeDomain.EVENT_TIME) <= newWatermark) {
      t.advanceTo(TimeDomain.EVENT_TIME, newWatermark,
          timer -> operator.onEventTimeTimer(new Timer(timer.key(), timer.namespace(), timer.timestamp()), output));
    }
    operator.processWatermark(newWatermark, output);
  }

  /** Fires processing-time timers due at {@code now}. */
  public void advanceProcessingTime(long now) throws Exception {
    InternalTimerService t = timers();
    if (t != null && t.nextTimestamp(TimeDomain.PROCESSING_TIME) <= now) {
      t.advanceTo(TimeDomain.PROCESSING_TIME, now,
          timer -> operator.onProcessingTimeTimer(new Timer(timer.key(), timer.namespace(), timer.timestamp()), output));
    }
  }

  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    operator.prepareSnapshotPreBarrier(checkpointId, output);
  }

  public List<byte[]> snapshotOperatorState(long checkpointId) throws Exception {
    return operator.snapshotOperatorState(checkpointId);
  }

  public void endInput() throws Exception {
    operator.endInput(output);
  }

  /** The output handed to the operator (also used by the source driver to emit into the chain). */
  public Output output() {
    return output;
  }

  /** Routes a record whose HASH key failed on an outgoing edge to this node's dead-letter handling. */
  public void keyFailed(StreamRecord record, String reason) {
    if (deadLetterPolicy.failOnError()) {
      throw new ExpressionFailedException(vertex.id(), "(key of an outgoing edge)", reason);
    }
    output.collect(OutputTag.DEAD_LETTER, DeadLetters.of(vertex.id(), record, reason, deadLetterPolicy.includeRecord()));
  }

  private final class HostOutput implements Output {
    @Override
    public void collect(StreamRecord record) {
      try {
        main.processRecord(record);
      } catch (RuntimeException e) {
        throw e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TaskCancelledException(taskName);
      } catch (Exception e) {
        throw new ChainedOperatorException(e);
      }
    }

    @Override
    public void collect(OutputTag tag, StreamRecord record) {
      Downstream side = sideOutputs.get(tag.name());
      if (side == null) {
        metrics.counter(tag.name() + ".dropped").inc();
        if (tag.equals(OutputTag.DEAD_LETTER) && metrics.counter("dead-letter.dropped").count() == 1) {
          LOG.warning(() -> "task=" + taskName + " node=" + vertex.id() + " dropped a dead letter (no node reads "
              + vertex.id() + ".dead-letter; counted in dead-letter.dropped): " + record.value());
        }
        return;
      }
      try {
        side.processRecord(record);
      } catch (RuntimeException e) {
        throw e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TaskCancelledException(taskName);
      } catch (Exception e) {
        throw new ChainedOperatorException(e);
      }
    }

    @Override
    public void emitWatermark(long newWatermark) {
      if (newWatermark <= lastEmittedWatermark) {
        return;
      }
      lastEmittedWatermark = newWatermark;
      try {
        main.processWatermark(newWatermark);
        for (Downstream side : sideOutputs.values()) {
          side.processWatermark(newWatermark);
        }
      } catch (RuntimeException e) {
        throw e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TaskCancelledException(taskName);
      } catch (Exception e) {
        throw new ChainedOperatorException(e);
      }
    }
  }

  /** A checked exception of a chained operator, carried through {@link Output} (which cannot throw checked). */
  static final class ChainedOperatorException extends RuntimeException {
    ChainedOperatorException(Exception cause) {
      super(cause.getMessage(), cause);
    }
  }
}
