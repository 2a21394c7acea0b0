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
import io.millrace.engine.operators.window.SessionListSerializer;
import io.millrace.engine.operators.window.SessionMergeSet;
import io.millrace.engine.operators.window.SessionWindow;
import io.millrace.engine.serialization.Serializers;
import io.millrace.engine.state.KeyedStateBackend;
import io.millrace.engine.state.ListState;
import io.millrace.engine.state.StateDescriptor;
import io.millrace.engine.state.ValueState;
import java.util.ArrayList;
import java.util.List;

/**
 * Window join over session windows: records of BOTH inputs of a key form sessions together (a record
 * at {@code t} opens {@code [t, t + gap)} and merges every session it overlaps); when the watermark
 * reaches a session's last millisecond, every (left, right) pair of the session yields {@code
 * select(left, right)} with event time {@code end - 1}.
 *
 * <p>State: {@value #SESSIONS_STATE} (value, namespace 0: the key's live sessions) and {@value
 * #LEFT_STATE} / {@value #RIGHT_STATE} (lists, namespace = the session's state id; an absorbed
 * session's records are appended to the surviving one). Timers: namespace = state id, at the
 * session's last millisecond; stale ones are deleted on merge. Records that would open a new session
 * already behind the watermark are late: dropped and counted ({@code late-dropped}).
 */
public final class SessionJoinOperator implements TwoInputOperator {

  public static final String SESSIONS_STATE = "join-sessions";
  public static final String LEFT_STATE = "left-session-records";
  public static final String RIGHT_STATE = "right-session-records";

  private final long gap;
  private final String selectText;
  private final WatermarkMemory watermarks = new WatermarkMemory();

  private JoinSelect select;
  private JoinKeys keys;
  private KeyedStateBackend backend;
  private TimerService timers;
  private ValueState<List<SessionWindow>> sessions;
  private ListState<Object> left;
  private ListState<Object> right;
  private DeadLetterRouter deadLetters;
  private EventTimeAdmission admission;
  private EventTimeAdmission.KeySource leftKeys;
  private EventTimeAdmission.KeySource rightKeys;
  private OperatorMetrics.Counter lateDropped;

  public SessionJoinOperator(long gap, String selectText) {
    if (gap <= 0) {
      throw new IllegalArgumentException("session gap must be positive");
    }
    this.gap = gap;
    this.selectText = selectText;
  }

  @Override
  public void open(OperatorContext context) {
    select = JoinSelect.compile(context, selectText);
    backend = context.keyedStateBackend();
    keys = new JoinKeys(context, backend);
    timers = context.timerService();
    sessions = backend.getState(context.nodeId(), StateDescriptor.value(SESSIONS_STATE, SessionListSerializer.INSTANCE));
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
    add(record, true, out);
  }

  @Override
  public void processRecord2(StreamRecord record, Output out) {
    add(record, false, out);
  }

  private void add(StreamRecord record, boolean isLeft, Output out) {
    if (admission.admit(record, out, isLeft ? leftKeys : rightKeys, isLeft ? "leftKey" : "rightKey") == null) {
      return;
    }
    long watermark = watermarks.current(timers);
    backend.setCurrentNamespace(0);
    List<SessionWindow> stored = sessions.value();
    SessionMergeSet set = stored == null ? new SessionMergeSet() : new SessionMergeSet(stored);
    SessionMergeSet.Merge merge = set.plan(record.timestamp(), gap);
    if (merge.window().maxTimestamp() <= watermark) {
      lateDropped.inc(); // joins have no allowed lateness: its session fired (or would be born fired)
      return;
    }
    long target = merge.window().stateId();
    for (SessionWindow absorbed : merge.absorbed()) {
      backend.setCurrentNamespace(absorbed.stateId());
      List<Object> lefts = new ArrayList<>(left.get());
      List<Object> rights = new ArrayList<>(right.get());
      left.clear();
      right.clear();
      backend.setCurrentNamespace(target);
      left.addAll(lefts);
      right.addAll(rights);
      timers.deleteEventTimeTimer(absorbed.stateId(), absorbed.maxTimestamp());
    }
    if (merge.before() != null) {
      timers.deleteEventTimeTimer(merge.before().stateId(), merge.before().maxTimestamp());
    }
    backend.setCurrentNamespace(target);
    (isLeft ? left : right).add(record.value());
    set.apply(merge);
    backend.setCurrentNamespace(0);
    sessions.update(new ArrayList<>(set.sessions()));
    timers.registerEventTimeTimer(target, merge.window().maxTimestamp());
  }

  @Override
  public void onEventTimeTimer(Timer timer, Output out) {
    backend.setCurrentNamespace(0);
    List<SessionWindow> stored = sessions.value();
    if (stored == null) {
      return;
    }
    SessionMergeSet set = new SessionMergeSet(stored);
    SessionWindow session = null;
    for (SessionWindow s : set.sessions()) {
      if (s.stateId() == timer.namespace() && s.maxTimestamp() == timer.timestamp()) {
        session = s;
      }
    }
    if (session == null) {
      return; // stale: the session grew or was absorbed
    }
    backend.setCurrentNamespace(session.stateId());
    List<Object> lefts = left.get();
    List<Object> rights = right.get();
    for (Object l : lefts) {
      for (Object r : rights) {
        StreamRecord joined = new StreamRecord(null, timer.key(), session.maxTimestamp());
        try {
          out.collect(joined.withValue(select.apply(l, r, timer.key())));
        } catch (RecordFailure failure) {
          deadLetters.route(out, joined.withValue(JoinedPair.of(l, r)), select.source(), failure.reason());
        }
      }
    }
    left.clear();
    right.clear();
    set.remove(session);
    backend.setCurrentNamespace(0);
    if (set.isEmpty()) {
      sessions.clear();
    } else {
      sessions.update(new ArrayList<>(set.sessions()));
    }
  }
}
