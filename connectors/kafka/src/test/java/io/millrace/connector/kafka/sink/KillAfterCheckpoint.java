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
 *
 * <p>Until its attempt has checkpointed, the operator passes at most one record per {@link
 * #UNARMED_PARK_NANOS}: on a fast machine an attempt could otherwise read past the next threshold (or
 * to the end of the bounded input) before its first checkpoint completes, and the kill would never
 * fire (seen in CI). Barriers still flow between records, so the checkpoint is not held up.
 */
public final class KillAfterCheckpoint implements OneInputOperator {

  /** 200 µs: at most 5 000 records/s per subtask while unarmed — a threshold is 25% of the input away. */
  static final long UNARMED_PARK_NANOS = 200_000;

  private final List<Long> thresholds;
  private final BooleanSupplier attemptCheckpointed;
  private boolean armed;

  /** @param thresholds ascending, shared by all attempts (a {@link CopyOnWriteArrayList}); fired ones are removed */
  public KillAfterCheckpoint(List<Long> thresholds, BooleanSupplier attemptCheckpointed) {
    this.thresholds = thresholds;
    this.attemptCheckpointed = attemptCheckpointed;
  }

  @Override
  public void open(OperatorContext context) {}

  @Override
  public void processRecord(StreamRecord record, Output out) {
    if (!armed) {
      armed = attemptCheckpointed.getAsBoolean();
      if (!armed && !thresholds.isEmpty()) {
        java.util.concurrent.locks.LockSupport.parkNanos(UNARMED_PARK_NANOS);
      }
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
