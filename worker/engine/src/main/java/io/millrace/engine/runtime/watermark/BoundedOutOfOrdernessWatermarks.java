package io.millrace.engine.runtime.watermark;

/**
 * A source subtask's watermark: the highest event time seen minus the allowed out-of-orderness,
 * minus 1 ms (a record exactly {@code maxOutOfOrderness} behind the newest is still on time). After
 * {@code idleTimeout} of processing time without records the source is idle, so it stops holding
 * back the watermark downstream.
 */
public final class BoundedOutOfOrdernessWatermarks {

  private final long maxOutOfOrdernessMillis;
  private final long idleTimeoutMillis;
  private long maxTimestamp = Long.MIN_VALUE;
  private long lastEmitted = Long.MIN_VALUE;
  private long lastRecordAt;
  private boolean idle;

  /**
   * @param idleTimeoutMillis {@code <= 0}: never idle
   * @param now processing time at start
   */
  public BoundedOutOfOrdernessWatermarks(long maxOutOfOrdernessMillis, long idleTimeoutMillis, long now) {
    if (maxOutOfOrdernessMillis < 0) {
      throw new IllegalArgumentException("maxOutOfOrderness must be >= 0");
    }
    this.maxOutOfOrdernessMillis = maxOutOfOrdernessMillis;
    this.idleTimeoutMillis = idleTimeoutMillis;
    this.lastRecordAt = now;
  }

  /** A record with event time {@code timestamp} was read at processing time {@code now}. */
  public void onRecord(long timestamp, long now) {
    lastRecordAt = now;
    if (timestamp > maxTimestamp) {
      maxTimestamp = timestamp;
    }
  }

  /** True when a record arrived while idle: the caller must announce "active" before the record. */
  public boolean wakeUp() {
    if (idle) {
      idle = false;
      return true;
    }
    return false;
  }

  /** The watermark to emit now, or {@link WatermarkValve#NO_CHANGE} if it did not advance. */
  public long nextWatermark() {
    if (maxTimestamp == Long.MIN_VALUE) {
      return WatermarkValve.NO_CHANGE;
    }
    long candidate = maxTimestamp - maxOutOfOrdernessMillis - 1;
    if (candidate > lastEmitted) {
      lastEmitted = candidate;
      return candidate;
    }
    return WatermarkValve.NO_CHANGE;
  }

  /**
   * The watermark this generator stands at (it may be below what was already emitted), or
   * {@code Long.MIN_VALUE} before the first timestamp: the input per split that
   * {@link SplitWatermarks} takes the minimum of.
   */
  public long current() {
    return maxTimestamp == Long.MIN_VALUE ? Long.MIN_VALUE : maxTimestamp - maxOutOfOrdernessMillis - 1;
  }

  /** The reader says there is nothing to read for now: idle until the next record ({@link #wakeUp()}). */
  public void markIdle() {
    idle = true;
  }

  /** True exactly once when the source becomes idle at processing time {@code now}. */
  public boolean becameIdle(long now) {
    if (!idle && idleTimeoutMillis > 0 && now - lastRecordAt >= idleTimeoutMillis) {
      idle = true;
      return true;
    }
    return false;
  }

  public boolean isIdle() {
    return idle;
  }
}
