package io.millrace.engine.operators.join;

import io.millrace.engine.api.OperatorContext;
import io.millrace.engine.api.OperatorMetrics;
import io.millrace.engine.api.Output;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.api.TwoInputOperator;
import io.millrace.engine.operators.DeadLetterRouter;
import io.millrace.engine.operators.RecordFailure;
import io.millrace.engine.serialization.Serializers;
import io.millrace.engine.state.KeyedStateBackend;
import io.millrace.engine.state.StateDescriptor;
import io.millrace.engine.state.StateTtlConfig;
import io.millrace.engine.state.ValueState;
import java.time.Duration;

/**
 * lookup-join: input 1 is a table (the latest row per key is kept in {@value #TABLE_STATE}, value
 * state, namespace 0, optionally forgotten {@code ttl} after its last update on the backend's
 * processing-time clock); input 0 is a stream, each record enriched with the CURRENT row of its key:
 * {@code select(left = record, right = row)}, keeping the stream record's event time. A record
 * without a row is emitted with {@code right = null} ({@code onMissing: emit}, the default) or
 * dropped and counted ({@code onMissing: drop}, metric {@code unmatched-dropped}).
 *
 * <p>Processing order decides: a stream record sees the rows that arrived before it (this is an
 * enrichment, not a temporal join).
 */
public final class LookupJoinOperator implements TwoInputOperator {

  public static final String TABLE_STATE = "table";

  private final String selectText;
  private final Long ttlMillis;
  private final boolean emitOnMissing;

  private JoinSelect select;
  private JoinKeys keys;
  private ValueState<Object> table;
  private KeyedStateBackend backend;
  private DeadLetterRouter deadLetters;
  private OperatorMetrics.Counter unmatchedDropped;

  public LookupJoinOperator(String selectText, Long ttlMillis, boolean emitOnMissing) {
    this.selectText = selectText;
    this.ttlMillis = ttlMillis;
    this.emitOnMissing = emitOnMissing;
  }

  @Override
  public void open(OperatorContext context) {
    select = JoinSelect.compile(context, selectText);
    backend = context.keyedStateBackend();
    keys = new JoinKeys(context, backend);
    StateDescriptor<ValueState<Object>> descriptor = StateDescriptor.value(TABLE_STATE, Serializers.RECORD);
    if (ttlMillis != null) {
      descriptor = descriptor.withTtl(StateTtlConfig.onWrite(Duration.ofMillis(ttlMillis)));
    }
    table = backend.getState(context.nodeId(), descriptor);
    deadLetters = new DeadLetterRouter(context);
    unmatchedDropped = context.metrics().counter("unmatched-dropped");
  }

  @Override
  public void processRecord1(StreamRecord record, Output out) {
    Object key;
    try {
      key = keys.keyOf(record, true);
    } catch (RecordFailure failure) {
      deadLetters.route(out, record, "leftKey", failure.reason());
      return;
    }
    backend.setCurrentNamespace(0);
    Object row = table.value();
    if (row == null && !emitOnMissing) {
      unmatchedDropped.inc();
      return;
    }
    try {
      out.collect(new StreamRecord(select.apply(record.value(), row, key), key, record.timestamp()));
    } catch (RecordFailure failure) {
      deadLetters.route(out, record, select.source(), failure.reason());
    }
  }

  @Override
  public void processRecord2(StreamRecord record, Output out) {
    try {
      keys.keyOf(record, false);
    } catch (RecordFailure failure) {
      deadLetters.route(out, record, "rightKey", failure.reason());
      return;
    }
    backend.setCurrentNamespace(0);
    table.update(record.value());
  }
}
