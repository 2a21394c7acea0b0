package io.millrace.connector.kafka.sink;

import io.millrace.engine.api.OneInputOperator;
import io.millrace.engine.api.OperatorContext;
import io.millrace.engine.api.Output;
import io.millrace.engine.api.StreamRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * Test operator: passes records through and kills its task on the first record whose {@code seq}
 * reaches the next threshold — but only once the running attempt has completed a checkpoint, so every
 * kill really forces a restore (not a fresh start) with work to redo. Each threshold fires once.
 */
public final class KillAfterCheckpoint implements OneInputOperator {

  private final List<Long> thresholds;
  private final BooleanSupplier attemptCheckpointed;
  private boolean armed;
  private long seen;

  /** @param thresholds ascending, shared by all attempts (a {@link CopyOnWriteArrayList}); fired ones are removed */
  public KillAfterCheckpoint(List<Long> thresholds, BooleanSupplier attemptCheckpointed) {
    this.thresholds = thresholds;
    this.attemptCheckpointed = attemptCheckpointed;
  }

  @Override
  public void open(OperatorContext context) {}

  @Override
  public void processRecord(StreamRecord record, Output out) {
    if (!armed && seen++ % 256 == 0) {
      armed = attemptCheckpointed.getAsBoolean();
    }
    if (armed && !thresholds.isEmpty()) {
      long seq = (Long) ((Map<?, ?>) record.value()).get("seq");
      Long next = thresholds.get(0);
      if (seq >= next && thresholds.remove(next)) {
        throw new FailAtSeqs.InjectedFailure(seq);
      }
    }
    out.collect(record);
  }
}
