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
import io.millrace.engine.serialization.Serializers;
import io.millrace.engine.state.KeyedStateBackend;
import io.millrace.engine.state.MapState;
import io.millrace.engine.state.StateDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Interval join ({@code mode: interval}): a right record joins a left record of the same key when
 * {@code right.ts ∈ [left.ts − before, left.ts + after]} (bounds inclusive); each pair is emitted
 * once, as soon as its second record arrives, with event time {@code max(left.ts, right.ts)}.
 *
 * <p>State: {@value #LEFT_STATE} / {@value #RIGHT_STATE}, map state per key from event time to the
 * records of that time. A left record is kept until the watermark passes {@code ts + after} (no
 * right record that could still arrive can join it), a right record until it passes {@code ts +
 * before}: event-time cleanup timers, namespace 0 = left, 1 = right. Records at or below the current
 * watermark are late: dropped and counted ({@code late-dropped}).
 */
public final class IntervalJoinOperator implements TwoInputOperator {

  public static final String LEFT_STATE = "left-buffer";
  public static final String RIGHT_STATE = "right-buffer";
  private static final long LEFT = 0;
  private static final long RIGHT = 1;

  private final long before;
  private final long after;
  private final String selectText;

  private JoinSelect select;
  private JoinKeys keys;
  private KeyedStateBackend backend;
  private TimerService timers;
  private MapState<Long, List<Object>> left;
  private MapState<Long, List<Object>> right;
  private DeadLetterRouter deadLetters;
  private EventTimeAdmission admission;
  private EventTimeAdmission.KeySource leftKeys;
  private EventTimeAdmission.KeySource rightKeys;
  private OperatorMetrics.Counter lateDropped;
  private final WatermarkMemory watermarks = new WatermarkMemory();

  public IntervalJoinOperator(long before, long after, String selectText) {
    if (before < 0 || after < 0) {
      throw new IllegalArgumentException("interval bounds must not be negative");
    }
    this.before = before;
    this.after = after;
    this.selectText = selectText;
  }

  @Override
  public void open(OperatorContext context) {
    select = JoinSelect.compile(context, selectText);
    backend = context.keyedStateBackend();
    keys = new JoinKeys(context, backend);
    timers = context.timerService();
    left = backend.getState(context.nodeId(), StateDescriptor.map(LEFT_STATE, Serializers.LONG, Serializers.listOf(Serializers.RECORD)));
    right = backend.getState(context.nodeId(), StateDescriptor.map(RIGHT_STATE, Serializers.LONG, Serializers.listOf(Serializers.RECORD)));
    deadLetters = new DeadLetterRouter(context);
    admission = new EventTimeAdmission(deadLetters, "interval", "the record has no event time: an interval join needs watermarks on both inputs");
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
    process(record, true, out);
  }

  @Override
  public void processRecord2(StreamRecord record, Output out) {
    process(record, false, out);
  }

  private void process(StreamRecord record, boolean isLeft, Output out) {
    Object key = admission.admit(record, out, isLeft ? leftKeys : rightKeys, isLeft ? "leftKey" : "rightKey");
    if (key == null) {
      return;
    }
    long ts = record.timestamp();
    long watermark = watermarks.current(timers);
    if (ts <= watermark) {
      lateDropped.inc();
      return;
    }
    backend.setCurrentNamespace(0);
    // Other side's times that match: a left at ts joins rights in [ts - before, ts + after];
    // a right at ts joins lefts in [ts - after, ts + before].
    long from = isLeft ? ts - before : ts - after;
    long to = isLeft ? ts + after : ts + before;
    MapState<Long, List<Object>> other = isLeft ? right : left;
    for (Map.Entry<Long, List<Object>> entry : new TreeMap<>(other.entries()).entrySet()) {
      long otherTs = entry.getKey();
      if (otherTs < from || otherTs > to) {
        continue;
      }
      for (Object otherValue : entry.getValue()) {
        Object l = isLeft ? record.value() : otherValue;
        Object r = isLeft ? otherValue : record.value();
        StreamRecord joined = new StreamRecord(null, key, Math.max(ts, otherTs));
        try {
          out.collect(joined.withValue(select.apply(l, r, key)));
        } catch (RecordFailure failure) {
          deadLetters.route(out, joined.withValue(JoinedPair.of(l, r)), select.source(), failure.reason());
        }
      }
    }
    MapState<Long, List<Object>> own = isLeft ? left : right;
    List<Object> atTs = own.get(ts);
    List<Object> updated = atTs == null ? new ArrayList<>(1) : new ArrayList<>(atTs);
    updated.add(record.value());
    own.put(ts, updated);
    long keepUntil = isLeft ? ts + after : ts + before;
    timers.registerEventTimeTimer(isLeft ? LEFT : RIGHT, keepUntil);
  }

  @Override
  public void onEventTimeTimer(Timer timer, Output out) {
    backend.setCurrentNamespace(0);
    if (timer.namespace() == LEFT) {
      left.remove(timer.timestamp() - after);
    } else {
      right.remove(timer.timestamp() - before);
    }
  }
}
