package io.millrace.engine.api;

/**
 * One record flowing between operators.
 *
 * @param value the record in the record model of {@code docs/expressions.md}: {@code Map<String,Object>},
 *     String, Long, Double, Boolean, byte[], Instant, List, Map or null. Treated as immutable.
 * @param key null on non-keyed streams; on keyed streams the key computed ONCE by the sender of the
 *     HASH edge, carried along with the record afterwards
 * @param timestamp event time in epoch milliseconds, or {@link #NO_TIMESTAMP}
 */
public record StreamRecord(Object value, Object key, long timestamp) {

  /** The timestamp of a record without event time. */
  public static final long NO_TIMESTAMP = Long.MIN_VALUE;

  /** A record without key and without event time. */
  public static StreamRecord of(Object value) {
    return new StreamRecord(value, null, NO_TIMESTAMP);
  }

  /** A record without key, with event time. */
  public static StreamRecord of(Object value, long timestamp) {
    return new StreamRecord(value, null, timestamp);
  }

  /** The same key and timestamp with another value (map, flat-map, projections). */
  public StreamRecord withValue(Object newValue) {
    return new StreamRecord(newValue, key, timestamp);
  }

  /** The same value and timestamp with another key. */
  public StreamRecord withKey(Object newKey) {
    return new StreamRecord(value, newKey, timestamp);
  }

  /** The same value and key with another event time. */
  public StreamRecord withTimestamp(long newTimestamp) {
    return new StreamRecord(value, key, newTimestamp);
  }

  public boolean hasTimestamp() {
    return timestamp != NO_TIMESTAMP;
  }
}
