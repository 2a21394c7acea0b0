package io.millrace.engine.runtime;

import io.millrace.engine.api.OneInputOperator;
import io.millrace.engine.api.OperatorContext;
import io.millrace.engine.api.Output;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.serialization.Serializers;
import io.millrace.engine.state.StateDescriptor;
import io.millrace.engine.state.ValueState;
import java.util.Map;

/** Test operator with keyed state: emits {key, count} with the running count of the record's key. */
final class RunningCount implements OneInputOperator {
  private ValueState<Long> count;

  @Override
  public void open(OperatorContext context) {
    count = context.keyedStateBackend().getState(context.nodeId(), StateDescriptor.value("count", Serializers.LONG));
  }

  @Override
  public void processRecord(StreamRecord record, Output out) {
    Long current = count.value();
    long next = current == null ? 1 : current + 1;
    count.update(next);
    out.collect(record.withValue(Map.of("key", record.key(), "count", next)));
  }
}
