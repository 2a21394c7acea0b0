package io.millrace.engine.runtime;

import io.millrace.engine.api.OneInputOperator;
import io.millrace.engine.api.OperatorContext;
import io.millrace.engine.api.Output;
import io.millrace.engine.api.StreamRecord;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** Test operator: passes records through, and throws once on the record with {@code seq == failAt} while armed. */
final class FailOnceMap implements OneInputOperator {

  static final class InjectedFailure extends RuntimeException {
    InjectedFailure(long seq) {
      super("injected failure at seq " + seq);
    }
  }

  private final AtomicBoolean armed;
  private final long failAt;

  FailOnceMap(AtomicBoolean armed, long failAt) {
    this.armed = armed;
    this.failAt = failAt;
  }

  @Override
  public void open(OperatorContext context) {}

  @Override
  public void processRecord(StreamRecord record, Output out) {
    Object seq = ((Map<?, ?>) record.value()).get("seq");
    if (seq.equals(failAt) && armed.compareAndSet(true, false)) {
      throw new InjectedFailure(failAt);
    }
    out.collect(record);
  }
}
