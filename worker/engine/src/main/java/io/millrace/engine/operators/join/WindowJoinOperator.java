package io.millrace.engine.operators.join;

import io.millrace.engine.operators.EventTimeAdmission;
import io.millrace.engine.api.OperatorContext;
import io.millrace.engine.api.OperatorMetrics;
import io.millrace.engine.api.Output;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.api.Timer;
import io.millrace.engine.api.TimerService;
import io.millrace.engine.api.TwoInputOperator;
import io.millrace.engine.operators.DeadLetterRouter;
import io.millrace.engine.operators.RecordFailure;
import io.millrace.engine.operators.WatermarkMemory;
import io.millrace.engine.operators.window.SliceAssigner;
import io.millrace.engine.serialization.Serializers;
import io.millrace.engine.state.KeyedStateBackend;
import io.millrace.engine.state.ListState;
import io.millrace.engine.state.StateDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * Window join ({@code mode: window}) over tumbling or sliding windows: for each key and window,
 * every pair (left, right) of records of that window yields {@code select(left, right)}, emitted
 * when the watermark reaches the window's last millisecond (event time {@code end - 1}).
 *
 * <p>Records are kept once, in the list of their slice ({@value #LEFT_STATE} / {@value #RIGHT_STATE},
 * namespace = slice end; slice = gcd(size, slide)); a window reads its slices when it fires, so a
 * record is never copied per overlapping window. Timers: namespace = window end, at {@code end - 1};
 * the slices whose last window that is are cleared then. Records whose windows have all fired are
 * late: dropped and counted ({@code late-dropped}); joins have no allowed lateness.
 */
public final class WindowJoinOperator implements TwoInputOperator {

  public static final String LEFT_STATE = "left-records";
  public static final String RIGHT_STATE = "right-records";

  private final SliceAssigner slices;
  private final String selectText;

  private JoinSelect select;
  private JoinKeys keys;
  private KeyedStateBackend backend;
  private TimerService timers;
  private ListState<Object> left;
  private ListState<Object> right;
  private DeadLetterRouter deadLetters;
  private EventTimeAdmission admission;
  private EventTimeAdmission.KeySource leftKeys;
  private EventTimeAdmission.KeySource rightKeys;
  private OperatorMetrics.Counter lateDropped;
  private final WatermarkMemory watermarks = new WatermarkMemory();

  public WindowJoinOperator(SliceAssigner slices, String selectText) {
    this.slices = slices;
    this.selectText = selectText;
  }

  @Override
  public void open(OperatorContext context) {
    select = JoinSelect.compile(context, selectText);
    backend = context.keyedStateBackend();
    keys = new JoinKeys(context, backend);
    timers = context.timerService();
    left = backend.getState(context.nodeId(), StateDescriptor.list(LEFT_STATE, Serializers.RECORD));
    right = backend.getState(context.nodeId(), StateDescriptor.list(RIGHT_STATE, Serializers.RECORD));
    deadLetters = new DeadLetterRouter(context);
    admission = new EventTimeAdmission(deadLetters, "window", "the record has no event time: a window join needs watermarks on both inputs");
    leftKeys = record -> keys.keyOf(record, true);
    rightKeys = record -> keys.keyOf(record, false);
    lateDropped = context.metrics().counter("late-dropped");
    watermarks.restore(context.restoredOperatorState());
  }

  @Override
  public List<byte[]> snapshotOperatorState(long checkpointId) {
    return watermarks.snapshot(timers);
  }

  @Override
  public void processRecord1(StreamRecord record, Output out) {
    add(record, left, true, out);
  }

  @Override
  public void processRecord2(StreamRecord record, Output out) {
    add(record, right, false, out);
  }

  private void add(StreamRecord record, ListState<Object> side, boolean isLeft, Output out) {
    if (admission.admit(record, out, isLeft ? leftKeys : rightKeys, isLeft ? "leftKey" : "rightKey") == null) {
      return;
    }
    long watermark = watermarks.current(timers);
    long sliceEnd = slices.sliceEndOf(record.timestamp());
    long lastWindowEnd = slices.lastWindowEnd(sliceEnd);
    if (lastWindowEnd - 1 <= watermark) {
      lateDropped.inc();
      return;
    }
    backend.setCurrentNamespace(sliceEnd);
    side.add(record.value());
    for (long end = slices.firstWindowEnd(sliceEnd); end <= lastWindowEnd; end += slices.slide()) {
      if (end - 1 > watermark) {
        timers.registerEventTimeTimer(end, end - 1);
      }
    }
  }

  @Override
  public void onEventTimeTimer(Timer timer, Output out) {
    long end = timer.namespace();
    List<Object> lefts = collect(left, end);
    if (!lefts.isEmpty()) {
      List<Object> rights = collect(right, end);
      for (Object l : lefts) {
        for (Object r : rights) {
          StreamRecord joined = new StreamRecord(null, timer.key(), end - 1);
          try {
            out.collect(joined.withValue(select.apply(l, r, timer.key())));
          } catch (RecordFailure failure) {
            deadLetters.route(out, joined.withValue(JoinedPair.of(l, r)), select.source(), failure.reason());
          }
        }
      }
    }
    for (int i = 0; i < slices.slicesExpiringPerWindow(); i++) {
      backend.setCurrentNamespace(slices.expiringSliceEnd(end, i));
      left.clear();
      right.clear();
    }
  }

  private List<Object> collect(ListState<Object> side, long windowEnd) {
    List<Object> all = new ArrayList<>();
    for (int i = 0; i < slices.slicesPerWindow(); i++) {
      backend.setCurrentNamespace(slices.sliceEndInWindow(windowEnd, i));
      all.addAll(side.get());
    }
    return all;
  }
}
