package io.millrace.engine.connector.datagen;

import java.time.Instant;

/**
 * Event time of each index: a fixed base plus {@code index × interval}. Fixed rather than wall
 * clock so the same seed gives byte-identical records on every run (and the index of an event can
 * be recovered from its time — the latency sink samples by it).
 *
 * @param baseEpochMillis event time of index 0
 * @param intervalNanos event-time distance between consecutive indices (Nexmark default 10 µs)
 */
public record EventSchedule(long baseEpochMillis, long intervalNanos) {

  /** 2026-01-01T00:00:00Z, 10 µs apart. */
  public static final EventSchedule NEXMARK_DEFAULT = new EventSchedule(1_767_225_600_000L, 10_000L);

  public EventSchedule {
    if (intervalNanos < 1) {
      throw new IllegalArgumentException("intervalNanos must be >= 1");
    }
  }

  public Instant instantOf(long index) {
    long nanos = index * intervalNanos;
    return Instant.ofEpochMilli(baseEpochMillis).plusNanos(nanos);
  }

  public long millisOf(long index) {
    return baseEpochMillis + index * intervalNanos / 1_000_000L;
  }

  /** The index whose event time is {@code time}, or -1 when no index has exactly that time. */
  public long indexOf(Instant time) {
    long nanos = (time.getEpochSecond() * 1_000_000_000L + time.getNano()) - baseEpochMillis * 1_000_000L;
    return nanos < 0 || nanos % intervalNanos != 0 ? -1 : nanos / intervalNanos;
  }
}
