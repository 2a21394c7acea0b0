package io.millrace.engine.operators.window.aggregate;

import io.millrace.engine.operators.RecordFailure;

/** {@code avg} of a numeric field, as a Double (null when no value was added). Nulls are skipped. */
public record AvgAggregator(String name, String field) implements Aggregator {

  @Override
  public Object add(Object acc, Object value, long timestamp) throws RecordFailure {
    Object fieldValue = Fields.read(value, field, name);
    if (fieldValue == null) {
      return acc;
    }
    double v = Fields.number(fieldValue, field, name).doubleValue();
    return acc == null ? new AvgAccumulator(v, 1) : ((AvgAccumulator) acc).plus(v);
  }

  @Override
  public Object merge(Object earlier, Object later) {
    if (earlier == null) {
      return later;
    }
    return later == null ? earlier : ((AvgAccumulator) earlier).plus((AvgAccumulator) later);
  }

  @Override
  public Object result(Object acc) {
    if (acc == null) {
      return null;
    }
    AvgAccumulator avg = (AvgAccumulator) acc;
    return avg.sum() / avg.count();
  }
}
