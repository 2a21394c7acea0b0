package io.millrace.engine.operators.window;

import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.operators.window.aggregate.AggregateSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The output record of a window-aggregate, as the spec's TypeFlow types it: {@code {key,
 * windowStart, windowEnd, <aggregate>...}} with the window bounds as timestamps (Instant), and the
 * event time of the window's last millisecond ({@code end - 1}), so a downstream window of the same
 * size puts it in the same window.
 */
final class WindowResults {

  private WindowResults() {}

  static StreamRecord of(Object key, long start, long end, AggregateSet aggregates, Object[] row) {
    Map<String, Object> value = new LinkedHashMap<>(4 + aggregates.size() * 2);
    value.put("key", key);
    value.put("windowStart", Instant.ofEpochMilli(start));
    value.put("windowEnd", Instant.ofEpochMilli(end));
    aggregates.results(row, value);
    return new StreamRecord(value, key, end - 1);
  }
}
