package io.millrace.engine.operators.window.aggregate;

import io.millrace.engine.operators.RecordFailure;

/**
 * {@code sum} of a numeric field: a Long while only ints were added (overflow fails the record, as
 * CEL's checked ints do), a Double as soon as a double was. Null field values are skipped.
 */
public record SumAggregator(String name, String field) implements Aggregator {

  @Override
  public Object add(Object acc, Object value, long timestamp) throws RecordFailure {
    Object fieldValue = Fields.read(value, field, name);
    if (fieldValue == null) {
      return acc;
    }
    return plus(acc, Fields.number(fieldValue, field, name));
  }

  @Override
  public Object merge(Object earlier, Object later) throws RecordFailure {
    return later == null ? earlier : plus(earlier, (Number) later);
  }

  private Object plus(Object acc, Number n) throws RecordFailure {
    if (acc == null) {
      return n;
    }
    if (acc instanceof Long a && n instanceof Long b) {
      try {
        return Math.addExact(a, b);
      } catch (ArithmeticException overflow) {
        throw new RecordFailure("aggregate '" + name + "': the int sum overflows");
      }
    }
    return ((Number) acc).doubleValue() + n.doubleValue();
  }

  @Override
  public Object result(Object acc) {
    return acc;
  }
}
