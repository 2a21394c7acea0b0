package io.millrace.engine.operators.window;

import io.millrace.engine.api.OneInputOperator;
import io.millrace.engine.api.OperatorContext;
import io.millrace.engine.api.OperatorMetrics;
import io.millrace.engine.api.Output;
import io.millrace.engine.api.OutputTag;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.api.Timer;
import io.millrace.engine.api.TimerService;
import io.millrace.engine.operators.DeadLetterRouter;
import io.millrace.engine.operators.KeyExtractor;
import io.millrace.engine.operators.RecordFailure;
import io.millrace.engine.operators.WatermarkMemory;
import io.millrace.engine.operators.window.aggregate.AggregateSet;
import io.millrace.engine.state.KeyedStateBackend;
import io.millrace.engine.state.StateDescriptor;
import io.millrace.engine.state.ValueState;

/**
 * window-aggregate over tumbling and sliding windows, aggregated incrementally per slice.
 *
 * <p>A record updates ONE accumulator row: the one of its slice (state {@value #SLICE_STATE},
 * namespace = slice end). When the watermark reaches a window's last millisecond, the window's
 * {@code size / slice} rows are merged into its result. No record is ever copied into a window.
 *
 * <p>Timers (namespace = window end): at {@code end - 1} the window fires; at {@code end - 1 +
 * allowedLateness} it is cleaned up, which clears the slices whose last window it is (with no
 * lateness both happen in one callback). They are registered when a slice is created, for every
 * window containing it. A record for a window that already fired but is not cleaned up yet updates
 * its slice and re-emits the updated result of each such window (late firing); a record all of
 * whose windows are cleaned up goes to the {@code late} side output when {@code lateOutput} is set,
 * else it is dropped and counted ({@code late-dropped}).
 */
public final class SlicedWindowOperator implements OneInputOperator {

  /** State name of the per-slice accumulator rows (namespace = slice end). */
  public static final String SLICE_STATE = "slice-accumulators";

  private final SliceAssigner slices;
  private final long allowedLateness;
  private final boolean lateOutput;
  private final AggregateSetFactory aggregateFactory;

  private AggregateSet aggregates;
  private KeyedStateBackend backend;
  private TimerService timers;
  private ValueState<Object[]> sliceRows;
  private KeyExtractor keys;
  private DeadLetterRouter deadLetters;
  private OperatorMetrics.Counter lateDropped;
  private final WatermarkMemory watermarks = new WatermarkMemory();

  /** Builds the aggregate set once the context (and its expression compiler) is known. */
  @FunctionalInterface
  public interface AggregateSetFactory {
    AggregateSet create(OperatorContext context);
  }

  public SlicedWindowOperator(SliceAssigner slices, long allowedLateness, boolean lateOutput,
      AggregateSetFactory aggregateFactory) {
    if (allowedLateness < 0) {
      throw new IllegalArgumentException("allowedLateness must not be negative");
    }
    this.slices = slices;
    this.allowedLateness = allowedLateness;
    this.lateOutput = lateOutput;
    this.aggregateFactory = aggregateFactory;
  }

  @Override
  public void open(OperatorContext context) {
    aggregates = aggregateFactory.create(context);
    backend = context.keyedStateBackend();
    timers = context.timerService();
    sliceRows = backend.getState(context.nodeId(), StateDescriptor.value(SLICE_STATE, AccumulatorRowSerializer.INSTANCE));
    keys = KeyExtractor.of(context, new io.millrace.engine.operators.Settings(context.nodeId(), context.settings()), "keyBy");
    deadLetters = new DeadLetterRouter(context);
    lateDropped = context.metrics().counter("late-dropped");
    watermarks.restore(context.restoredOperatorState());
  }

  @Override
  public java.util.List<byte[]> snapshotOperatorState(long checkpointId) {
    return watermarks.snapshot(timers);
  }

  @Override
  public void processRecord(StreamRecord record, Output out) throws Exception {
    if (!record.hasTimestamp()) {
      deadLetters.route(out, record, "window", "the record has no event time: window-aggregate needs a watermark on its source");
      return;
    }
    Object key;
    try {
      key = keys.keyOf(record);
    } catch (RecordFailure failure) {
      deadLetters.route(out, record, "keyBy", failure.reason());
      return;
    }
    if (record.key() == null) {
      backend.setCurrentKey(key);
    }
    long ts = record.timestamp();
    long watermark = watermarks.current(timers);
    long sliceEnd = slices.sliceEndOf(ts);
    long lastWindowEnd = slices.lastWindowEnd(sliceEnd);
    if (cleanupTime(lastWindowEnd) <= watermark) {
      late(record, out);
      return;
    }
    backend.setCurrentNamespace(sliceEnd);
    Object[] row = sliceRows.value();
    boolean newSlice = row == null;
    try {
      row = aggregates.add(row, record.value(), ts);
    } catch (RecordFailure failure) {
      deadLetters.route(out, record, "aggregates", failure.reason());
      return;
    }
    sliceRows.update(row);
    for (long end = slices.firstWindowEnd(sliceEnd); end <= lastWindowEnd; end += slices.slide()) {
      long fireTime = end - 1;
      if (fireTime <= watermark) {
        if (cleanupTime(end) > watermark) {
          emitWindow(key, end, out); // late firing: the window already fired, send the update
        }
      } else if (newSlice) {
        timers.registerEventTimeTimer(end, fireTime);
      }
      if (newSlice && allowedLateness > 0 && cleanupTime(end) > watermark) {
        timers.registerEventTimeTimer(end, cleanupTime(end));
      }
    }
  }

  private void late(StreamRecord record, Output out) {
    if (lateOutput) {
      out.collect(OutputTag.LATE, record);
    } else {
      lateDropped.inc();
    }
  }

  private long cleanupTime(long windowEnd) {
    long fire = windowEnd - 1;
    return fire > Long.MAX_VALUE - allowedLateness ? Long.MAX_VALUE : fire + allowedLateness;
  }

  @Override
  public void onEventTimeTimer(Timer timer, Output out) throws Exception {
    long end = timer.namespace();
    if (timer.timestamp() == end - 1) {
      emitWindow(timer.key(), end, out);
    }
    if (timer.timestamp() == cleanupTime(end)) {
      for (int i = 0; i < slices.slicesExpiringPerWindow(); i++) {
        backend.setCurrentNamespace(slices.expiringSliceEnd(end, i));
        sliceRows.clear();
      }
    }
  }

  private void emitWindow(Object key, long end, Output out) {
    Object[] merged = null;
    try {
      for (int i = 0; i < slices.slicesPerWindow(); i++) {
        backend.setCurrentNamespace(slices.sliceEndInWindow(end, i));
        merged = aggregates.merge(merged, sliceRows.value());
      }
    } catch (RecordFailure failure) {
      StreamRecord window = WindowResults.of(key, slices.windowStart(end), end, aggregates, null);
      deadLetters.route(out, window, "aggregates", "merging the slices of the window failed: " + failure.reason());
      return;
    }
    if (merged != null) {
      out.collect(WindowResults.of(key, slices.windowStart(end), end, aggregates, merged));
    }
  }
}
