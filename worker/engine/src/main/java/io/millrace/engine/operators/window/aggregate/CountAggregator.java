package io.millrace.engine.operators.window.aggregate;

/** {@code count}: the number of records (accumulator: Long). */
public record CountAggregator(String name) implements Aggregator {

  @Override
  public Object add(Object acc, Object value, long timestamp) {
    return acc == null ? 1L : (Long) acc + 1L;
  }

  @Override
  public Object merge(Object earlier, Object later) {
    if (earlier == null) {
      return later;
    }
    return later == null ? earlier : (Long) earlier + (Long) later;
  }

  @Override
  public Object result(Object acc) {
    return acc == null ? 0L : acc;
  }
}
