package io.millrace.engine.operators.window.aggregate;

import io.millrace.engine.operators.RecordFailure;

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
    if (ValueOrder.compare(v, v) == null) {
      throw new RecordFailure("aggregate '" + name + "': cannot order values of type " + v.getClass().getSimpleName()
          + " (use numbers, strings, timestamps, durations or bools)");
    }
  }

  private int compare(Object a, Object b) throws RecordFailure {
    comparableOrFail(b);
    Integer c = ValueOrder.compare(a, b);
    if (c == null) {
      throw new RecordFailure("aggregate '" + name + "': cannot compare " + b.getClass().getSimpleName()
          + " with the " + a.getClass().getSimpleName() + " values seen before in field '" + field + "'");
    }
    return c;
  }

  @Override
  public Object result(Object acc) {
    return acc;
  }
}
