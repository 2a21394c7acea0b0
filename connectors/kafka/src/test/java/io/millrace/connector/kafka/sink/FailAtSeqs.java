package io.millrace.connector.kafka.sink;

import io.millrace.engine.api.OneInputOperator;
import io.millrace.engine.api.OperatorContext;
import io.millrace.engine.api.Output;
import io.millrace.engine.api.StreamRecord;
import java.util.Map;
import java.util.Set;

/**
 * Test operator: passes records through and kills its task (throws) on each record whose {@code seq}
 * is still in {@code remaining}, removing it — so the restored job, replaying that record, runs past it.
 */
public final class FailAtSeqs implements OneInputOperator {

  /** The injected failure, to tell it from a real one. */
  public static final class InjectedFailure extends RuntimeException {
    public InjectedFailure(long seq) {
      super("injected failure at seq " + seq);
    }
  }

  private final Set<Long> remaining;

  public FailAtSeqs(Set<Long> remaining) {
    this.remaining = remaining;
  }

  @Override
  public void open(OperatorContext context) {}

  @Override
  public void processRecord(StreamRecord record, Output out) {
    Object seq = ((Map<?, ?>) record.value()).get("seq");
    if (seq instanceof Long s && remaining.remove(s)) {
      throw new InjectedFailure(s);
    }
    out.collect(record);
  }
}
