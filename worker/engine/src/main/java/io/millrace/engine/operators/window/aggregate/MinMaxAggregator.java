package io.millrace.engine.operators.window.aggregate;

import io.millrace.engine.operators.RecordFailure;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code min} / {@code max} of a field: numbers (int and double compare with each other, as in CEL),
 * strings, timestamps, durations or bools. Null values are skipped; values that cannot be compared
 * with the current one fail the record.
 */
public record MinMaxAggregator(String name, String field, boolean max) implements Aggregator {

  @Override
  public Object add(Object acc, Object value, long timestamp) throws RecordFailure {
    Object fieldValue = Fields.read(value, field, name);
    if (fieldValue instanceof Integer || fieldValue instanceof Short || fieldValue instanceof Byte) {
      fieldValue = ((Number) fieldValue).longValue();
    }
    return pick(acc, fieldValue);
  }

  @Override
  public Object merge(Object earlier, Object later) throws RecordFailure {
    return pick(earlier, later);
  }

  private Object pick(Object acc, Object candidate) throws RecordFailure {
    if (candidate == null) {
      return acc;
    }
    if (acc == null) {
      comparableOrFail(candidate);
      return candidate;
    }
    int c = compare(acc, candidate);
    return (max ? c < 0 : c > 0) ? candidate : acc;
  }

  private void comparableOrFail(Object v) throws RecordFailure {
    if (!(v instanceof Number || v instanceof String || v instanceof Instant || v instanceof Duration
        || v instanceof Boolean)) {
      throw new RecordFailure("aggregate '" + name + "': cannot order values of type " + v.getClass().getSimpleName()
          + " (use numbers, strings, timestamps, durations or bools)");
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private int compare(Object a, Object b) throws RecordFailure {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    comparableOrFail(b);
    if (a.getClass() != b.getClass()) {
      throw new RecordFailure("aggregate '" + name + "': cannot compare " + b.getClass().getSimpleName()
          + " with the " + a.getClass().getSimpleName() + " values seen before in field '" + field + "'");
    }
    return ((Comparable) a).compareTo(b);
  }

  @Override
  public Object result(Object acc) {
    return acc;
  }
}
