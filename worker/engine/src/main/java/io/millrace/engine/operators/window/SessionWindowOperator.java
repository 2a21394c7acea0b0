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
import io.millrace.engine.operators.Settings;
import io.millrace.engine.operators.window.aggregate.AggregateSet;
import io.millrace.engine.state.KeyedStateBackend;
import io.millrace.engine.state.StateDescriptor;
import io.millrace.engine.state.ValueState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * window-aggregate over session windows: per key, a record at {@code t} opens {@code [t, t + gap)}
 * and merges with every live session it overlaps ({@link SessionMergeSet}).
 *
 * <p>State: {@value #SESSIONS_STATE} (namespace 0) holds the key's live sessions;
 * {@value #ACCUMULATOR_STATE} holds one accumulator row per session, namespace = the session's
 * state id, which survives merges (absorbed sessions' rows are merged into it and cleared).
 * Timers (namespace = state id): fire at the session's last millisecond, clean up {@code
 * allowedLateness} later; timers of a session that grew or was absorbed are deleted. A record that
 * merges into a session that already fired (within lateness) re-emits the updated session.
 */
public final class SessionWindowOperator implements OneInputOperator {

  public static final String SESSIONS_STATE = "sessions";
  public static final String ACCUMULATOR_STATE = "session-accumulators";

  private final long gap;
  private final long allowedLateness;
  private final boolean lateOutput;
  private final SlicedWindowOperator.AggregateSetFactory aggregateFactory;

  private AggregateSet aggregates;
  private KeyedStateBackend backend;
  private TimerService timers;
  private ValueState<List<SessionWindow>> sessionsState;
  private ValueState<Object[]> rows;
  private KeyExtractor keys;
  private DeadLetterRouter deadLetters;
  private EventTimeAdmission admission;
  private EventTimeAdmission.KeySource keySource;
  private OperatorMetrics.Counter lateDropped;
  private final WatermarkMemory watermarks = new WatermarkMemory();

  public SessionWindowOperator(long gap, long allowedLateness, boolean lateOutput,
      SlicedWindowOperator.AggregateSetFactory aggregateFactory) {
    if (gap <= 0 || allowedLateness < 0) {
      throw new IllegalArgumentException("session gap must be positive and allowedLateness not negative");
    }
    this.gap = gap;
    this.allowedLateness = allowedLateness;
    this.lateOutput = lateOutput;
    this.aggregateFactory = aggregateFactory;
  }

  @Override
  public void open(OperatorContext context) {
    aggregates = aggregateFactory.create(context);
    backend = context.keyedStateBackend();
    timers = context.timerService();
    // Layouts: sessions of another gap, or rows of other aggregate slots, must not be read as these (see
    // SlicedWindowOperator); a restore with a change fails unless the state is dropped.
    String sessionLayout = "sessions with gap " + gap + " ms";
    sessionsState = backend.getState(context.nodeId(), StateDescriptor.value(SESSIONS_STATE, SessionListSerializer.INSTANCE)
        .withLayout(sessionLayout));
    rows = backend.getState(context.nodeId(), StateDescriptor.value(ACCUMULATOR_STATE, AccumulatorRowSerializer.INSTANCE)
        .withLayout(sessionLayout + "; aggregates " + aggregates.slotLayout()));
    keys = KeyExtractor.of(context, new Settings(context.nodeId(), context.settings()), "keyBy");
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
    long watermark = watermarks.current(timers);
    SessionMergeSet set = loadSessions();
    SessionMergeSet.Merge merge = set.plan(record.timestamp(), gap);
    if (merge.isNew() && cleanupTime(merge.window()) <= watermark) {
      if (lateOutput) {
        out.collect(OutputTag.LATE, record);
      } else {
        lateDropped.inc();
      }
      return;
    }
    // Compute the merged row first, so a failing record or merge changes nothing.
    List<SessionWindow> parts = new ArrayList<>(merge.absorbed());
    if (merge.before() != null) {
      parts.add(merge.before());
    }
    parts.sort(Comparator.comparingLong(SessionWindow::start));
    Object[] row = null;
    try {
      for (SessionWindow part : parts) {
        backend.setCurrentNamespace(part.stateId());
        row = aggregates.merge(row, rows.value());
      }
      row = aggregates.add(row, record.value(), record.timestamp());
    } catch (RecordFailure failure) {
      deadLetters.route(out, record, "aggregates", failure.reason());
      return;
    }
    for (SessionWindow old : parts) {
      deleteTimers(old);
      if (old.stateId() != merge.window().stateId()) {
        backend.setCurrentNamespace(old.stateId());
        rows.clear();
      }
    }
    SessionWindow session = merge.window();
    backend.setCurrentNamespace(session.stateId());
    rows.update(row);
    set.apply(merge);
    backend.setCurrentNamespace(0);
    sessionsState.update(new ArrayList<>(set.sessions()));
    if (session.maxTimestamp() > watermark) {
      timers.registerEventTimeTimer(session.stateId(), session.maxTimestamp());
    } else {
      emit(key, session, row, out); // the session already fired: send the update
    }
    if (allowedLateness > 0 && cleanupTime(session) > watermark) {
      timers.registerEventTimeTimer(session.stateId(), cleanupTime(session));
    }
  }

  private SessionMergeSet loadSessions() {
    backend.setCurrentNamespace(0);
    List<SessionWindow> stored = sessionsState.value();
    return stored == null ? new SessionMergeSet() : new SessionMergeSet(stored);
  }

  private void deleteTimers(SessionWindow session) {
    timers.deleteEventTimeTimer(session.stateId(), session.maxTimestamp());
    if (allowedLateness > 0) {
      timers.deleteEventTimeTimer(session.stateId(), cleanupTime(session));
    }
  }

  private long cleanupTime(SessionWindow session) {
    long fire = session.maxTimestamp();
    return fire > Long.MAX_VALUE - allowedLateness ? Long.MAX_VALUE : fire + allowedLateness;
  }

  @Override
  public void onEventTimeTimer(Timer timer, Output out) throws Exception {
    SessionMergeSet set = loadSessions();
    SessionWindow session = null;
    for (SessionWindow s : set.sessions()) {
      if (s.stateId() == timer.namespace()) {
        session = s;
      }
    }
    if (session == null) {
      return; // a timer of a session that was merged away (deletion raced nothing: it is just stale)
    }
    backend.setCurrentNamespace(session.stateId());
    Object[] row = rows.value();
    if (timer.timestamp() == session.maxTimestamp() && row != null) {
      emit(timer.key(), session, row, out);
    }
    if (timer.timestamp() == cleanupTime(session)) {
      rows.clear();
      set.remove(session);
      backend.setCurrentNamespace(0);
      if (set.isEmpty()) {
        sessionsState.clear();
      } else {
        sessionsState.update(new ArrayList<>(set.sessions()));
      }
    }
  }

  private void emit(Object key, SessionWindow session, Object[] row, Output out) {
    out.collect(WindowResults.of(key, session.start(), session.end(), aggregates, row));
  }
}
