package io.millrace.engine.runtime;

import io.millrace.engine.api.OneInputOperator;
import io.millrace.engine.api.OperatorContext;
import io.millrace.engine.api.Output;
import io.millrace.engine.api.StreamRecord;
import io.millrace.spec.plan.KeyGroups;
import java.util.Map;

/** Test operator: records which subtask saw a record and whether its key group is in that subtask's range. */
final class SubtaskTagger implements OneInputOperator {
  private OperatorContext context;

  @Override
  public void open(OperatorContext ctx) {
    this.context = ctx;
  }

  @Override
  public void processRecord(StreamRecord record, Output out) {
    int keyGroup = KeyGroups.keyGroupFor(record.key(), context.maxParallelism());
    out.collect(record.withValue(Map.of("subtask", (long) context.subtaskIndex(),
        "inRange", context.keyGroupRange().contains(keyGroup))));
  }
}
