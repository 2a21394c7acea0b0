package io.millrace.engine.operators.window;

import io.millrace.engine.operators.EventTimeAdmission;
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
 *
 * <p>Updates of slices whose windows have not fired yet first go to a {@link SliceBuffer} (partial
 * rows per key and slice, merged into state at the next flush), so a key's burst of records costs
 * one state read and write per flush; window timers are registered when a buffer entry is created.
 */
public final class SlicedWindowOperator implements OneInputOperator {

  /** State name of the per-slice accumulator rows (namespace = slice end). */
  public static final String SLICE_STATE = "slice-accumulators";

  /** Buffered (key, slice) entries before a forced flush: bounds the heap the buffer may take. */
  static final int BUFFER_CAPACITY = 8_192;

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
  private EventTimeAdmission admission;
  private EventTimeAdmission.KeySource keySource;
  private OperatorMetrics.Counter lateDropped;
  private final WatermarkMemory watermarks = new WatermarkMemory();
  private final SliceBuffer buffer = new SliceBuffer(BUFFER_CAPACITY);

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
    // The layout makes a restore with other windows or other aggregate slots fail instead of reading old
    // slices as new windows (wrong results); the user drops the state to start it empty.
    sliceRows = backend.getState(context.nodeId(), StateDescriptor.value(SLICE_STATE, AccumulatorRowSerializer.INSTANCE)
        .withLayout(slices.describe() + "; aggregates " + aggregates.slotLayout()));
    keys = KeyExtractor.of(context, new io.millrace.engine.operators.Settings(context.nodeId(), context.settings()), "keyBy");
    deadLetters = new DeadLetterRouter(context);
    admission = EventTimeAdmission.forWindowAggregate(deadLetters);
    keySource = EventTimeAdmission.settingCurrentKey(keys, backend);
    lateDropped = context.metrics().counter("late-dropped");
    watermarks.restore(context.restoredOperatorState());
  }

  @Override
  public java.util.List<byte[]> snapshotOperatorState(long checkpointId) {
    return watermarks.snapshot(timers);
  }

  @Override
  public void processRecord(StreamRecord record, Output out) throws Exception {
    Object key = admission.admit(record, out, keySource, "keyBy");
    if (key == null) {
      return;
    }
    long ts = record.timestamp();
    long watermark = watermarks.current(timers);
    long sliceEnd = slices.sliceEndOf(ts);
    long lastWindowEnd = slices.lastWindowEnd(sliceEnd);
    if (cleanupTime(lastWindowEnd) <= watermark) {
      late(record, out);
      return;
    }
    if (slices.firstWindowEnd(sliceEnd) - 1 > watermark) {
      buffered(record, key, sliceEnd, lastWindowEnd, watermark, out);
    } else {
      direct(record, key, sliceEnd, lastWindowEnd, watermark, out);
    }
  }

  /** The common case: no window of the slice fired yet, so the update can wait in the buffer. */
  private void buffered(StreamRecord record, Object key, long sliceEnd, long lastWindowEnd, long watermark, Output out) {
    SliceBuffer.SliceKey at = new SliceBuffer.SliceKey(key, sliceEnd);
    Object[] partial = buffer.get(at);
    boolean newEntry = partial == null;
    try {
      partial = aggregates.add(partial, record.value(), record.timestamp());
    } catch (RecordFailure failure) {
      deadLetters.route(out, record, "aggregates", failure.reason());
      return;
    }
    if (newEntry) {
      buffer.put(at, partial);
      if (buffer.firstSighting(at)) {
        registerTimers(sliceEnd, lastWindowEnd, watermark);
      }
      if (buffer.isFull()) {
        flush(out);
        backend.setCurrentKey(key);
      }
    }
  }

  /** A slice of a window that already fired (within lateness): update state now and re-emit. */
  private void direct(StreamRecord record, Object key, long sliceEnd, long lastWindowEnd, long watermark, Output out) {
    backend.setCurrentNamespace(sliceEnd);
    Object[] row = sliceRows.value();
    boolean newSlice = row == null;
    try {
      row = aggregates.add(row, record.value(), record.timestamp());
    } catch (RecordFailure failure) {
      deadLetters.route(out, record, "aggregates", failure.reason());
      return;
    }
    sliceRows.update(row);
    if (newSlice) {
      registerTimers(sliceEnd, lastWindowEnd, watermark);
    }
    for (long end = slices.firstWindowEnd(sliceEnd); end <= lastWindowEnd; end += slices.slide()) {
      if (end - 1 <= watermark && cleanupTime(end) > watermark) {
        emitWindow(key, end, out); // late firing: the window already fired, send the update
      }
    }
  }

  private void registerTimers(long sliceEnd, long lastWindowEnd, long watermark) {
    for (long end = slices.firstWindowEnd(sliceEnd); end <= lastWindowEnd; end += slices.slide()) {
      if (end - 1 > watermark) {
        timers.registerEventTimeTimer(end, end - 1);
      }
      if (allowedLateness > 0 && cleanupTime(end) > watermark) {
        timers.registerEventTimeTimer(end, cleanupTime(end));
      }
    }
  }

  /** Merges every buffered partial row into its slice's state row. Changes the backend's current key. */
  private void flush(Output out) {
    buffer.drain((at, partial) -> {
      backend.setCurrentKey(at.key());
      backend.setCurrentNamespace(at.sliceEnd());
      try {
        sliceRows.update(aggregates.merge(sliceRows.value(), partial));
      } catch (RecordFailure failure) {
        StreamRecord slice = WindowResults.of(at.key(), at.sliceEnd() - slices.slice(), at.sliceEnd(), aggregates, partial);
        deadLetters.route(out, slice, "aggregates", "merging buffered records into the slice failed: " + failure.reason());
      }
    });
  }

  @Override
  public void processWatermark(long watermark, Output out) {
    flush(out);
    out.emitWatermark(watermark);
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId, Output out) {
    flush(out); // the snapshot must hold every record received before the barrier
  }

  @Override
  public void endInput(Output out) {
    flush(out);
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
    if (!buffer.isEmpty()) {
      flush(out); // the first timer of a watermark: state must be complete before any window fires
      backend.setCurrentKey(timer.key());
    }
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
