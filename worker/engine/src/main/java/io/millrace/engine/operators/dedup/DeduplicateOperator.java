package io.millrace.engine.operators.dedup;

import io.millrace.engine.api.OneInputOperator;
import io.millrace.engine.api.OperatorContext;
import io.millrace.engine.api.OperatorMetrics;
import io.millrace.engine.api.Output;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.api.Timer;
import io.millrace.engine.api.TimerService;
import io.millrace.engine.operators.DeadLetterRouter;
import io.millrace.engine.operators.KeyExtractor;
import io.millrace.engine.operators.RecordFailure;
import io.millrace.engine.operators.Settings;
import io.millrace.engine.serialization.Serializers;
import io.millrace.engine.state.KeyedStateBackend;
import io.millrace.engine.state.StateDescriptor;
import io.millrace.engine.state.ValueState;

/**
 * deduplicate: the first record of a key passes and opens a TTL period; records of that key less
 * than {@code ttl} after it (by event time) are dropped (metric {@code duplicates-dropped}); the
 * first record at or after the period's end passes and opens a new one.
 *
 * <p>Time is the record's event time, so the result does not depend on processing speed and is the
 * same after a restore; records without event time use processing time. State: {@value #SEEN_STATE}
 * (value, namespace 0) = the time that opened the current period; a cleanup timer at {@code time +
 * ttl} (event or processing time, like the record) clears it so that state stays bounded by the keys
 * seen within one TTL.
 */
public final class DeduplicateOperator implements OneInputOperator {

  public static final String SEEN_STATE = "first-seen";

  private final long ttl;

  private KeyedStateBackend backend;
  private TimerService timers;
  private ValueState<Long> seen;
  private KeyExtractor keys;
  private DeadLetterRouter deadLetters;
  private OperatorMetrics.Counter duplicates;

  public DeduplicateOperator(long ttlMillis) {
    if (ttlMillis <= 0) {
      throw new IllegalArgumentException("ttl must be positive");
    }
    this.ttl = ttlMillis;
  }

  @Override
  public void open(OperatorContext context) {
    backend = context.keyedStateBackend();
    timers = context.timerService();
    seen = backend.getState(context.nodeId(), StateDescriptor.value(SEEN_STATE, Serializers.LONG));
    keys = KeyExtractor.of(context, new Settings(context.nodeId(), context.settings()), "keyBy");
    deadLetters = new DeadLetterRouter(context);
    duplicates = context.metrics().counter("duplicates-dropped");
  }

  @Override
  public void processRecord(StreamRecord record, Output out) {
    if (record.key() == null) {
      try {
        backend.setCurrentKey(keys.keyOf(record));
      } catch (RecordFailure failure) {
        deadLetters.route(out, record, "keyBy", failure.reason());
        return;
      }
    }
    boolean eventTime = record.hasTimestamp();
    long now = eventTime ? record.timestamp() : timers.currentProcessingTime();
    backend.setCurrentNamespace(0);
    Long opened = seen.value();
    if (opened != null && Math.abs(now - opened) < ttl) {
      duplicates.inc();
      return;
    }
    seen.update(now);
    if (eventTime) {
      timers.registerEventTimeTimer(0, now + ttl);
    } else {
      timers.registerProcessingTimeTimer(0, now + ttl);
    }
    out.collect(record);
  }

  @Override
  public void onEventTimeTimer(Timer timer, Output out) {
    expire(timer);
  }

  @Override
  public void onProcessingTimeTimer(Timer timer, Output out) {
    expire(timer);
  }

  private void expire(Timer timer) {
    backend.setCurrentNamespace(0);
    Long opened = seen.value();
    if (opened != null && opened + ttl == timer.timestamp()) {
      seen.clear();
    }
  }
}
