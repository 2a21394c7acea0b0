package io.millrace.engine.operators.window.aggregate;

import io.millrace.engine.operators.RecordFailure;

/**
 * {@code first} / {@code last}: the field (or the whole record when {@code field} is null) of the
 * record with the smallest / largest event time; on equal times the earlier / later arrival wins.
 */
public record FirstLastAggregator(String name, String field, boolean last) implements Aggregator {

  @Override
  public Object add(Object acc, Object value, long timestamp) throws RecordFailure {
    Object picked = field == null ? value : Fields.read(value, field, name);
    return merge(acc, new TimedValue(timestamp, picked));
  }

  @Override
  public Object merge(Object earlier, Object later) {
    if (earlier == null) {
      return later;
    }
    if (later == null) {
      return earlier;
    }
    TimedValue a = (TimedValue) earlier;
    TimedValue b = (TimedValue) later;
    if (last) {
      return b.timestamp() >= a.timestamp() ? b : a;
    }
    return b.timestamp() < a.timestamp() ? b : a;
  }

  @Override
  public Object result(Object acc) {
    return acc == null ? null : ((TimedValue) acc).value();
  }
}
