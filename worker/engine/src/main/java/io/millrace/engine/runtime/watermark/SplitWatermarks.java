package io.millrace.engine.runtime.watermark;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A source subtask's watermark when it reads several splits (Kafka partitions) that are at
 * different event times: one bounded out-of-orderness generator per split, and the subtask's
 * watermark is the MINIMUM over the splits that are not idle — so records of a split that is
 * behind are never late because another split is ahead. A split that had no record for
 * {@code idleTimeout} (or that its reader marked idle) stops holding the watermark back until its
 * next record; when every split is idle the subtask is idle. The combined watermark never
 * decreases.
 *
 * <p>A subtask without any split (its reader registered none yet) is idle after {@code idleTimeout}
 * from the start, as a single-split source always was.
 */
public final class SplitWatermarks {

  private final long maxOutOfOrdernessMillis;
  private final long idleTimeoutMillis;
  private final long startedAt;
  private final Map<String, BoundedOutOfOrdernessWatermarks> splits = new LinkedHashMap<>();
  private long lastEmitted = Long.MIN_VALUE;
  private boolean idle;

  /**
   * @param idleTimeoutMillis {@code <= 0}: splits never become idle by time
   * @param now processing time at start
   */
  public SplitWatermarks(long maxOutOfOrdernessMillis, long idleTimeoutMillis, long now) {
    if (maxOutOfOrdernessMillis < 0) {
      throw new IllegalArgumentException("maxOutOfOrderness must be >= 0");
    }
    this.maxOutOfOrdernessMillis = maxOutOfOrdernessMillis;
    this.idleTimeoutMillis = idleTimeoutMillis;
    this.startedAt = now;
  }

  /**
   * The generator of {@code splitId}, created on first use (active, its idle timeout counting from
   * {@code now}): a new split holds the watermark back until it has a timestamp or goes idle.
   */
  public BoundedOutOfOrdernessWatermarks split(String splitId, long now) {
    return splits.computeIfAbsent(splitId,
        id -> new BoundedOutOfOrdernessWatermarks(maxOutOfOrdernessMillis, idleTimeoutMillis, now));
  }

  /** The split ended or left this subtask: it no longer holds the watermark back. */
  public void release(String splitId) {
    splits.remove(splitId);
  }

  /**
   * A record of {@code split} (with a timestamp unless {@code timestamp == null}) was read at
   * {@code now}. True when the subtask was idle: the caller announces "active" before the record.
   */
  public boolean onRecord(BoundedOutOfOrdernessWatermarks split, boolean hasTimestamp, long timestamp, long now) {
    split.wakeUp();
    if (hasTimestamp) {
      split.onRecord(timestamp, now);
    }
    if (idle) {
      idle = false;
      return true;
    }
    return false;
  }

  /**
   * Marks the splits that timed out at {@code now} idle and returns the new combined watermark
   * (minimum over non-idle splits) when it advanced, else {@link WatermarkValve#NO_CHANGE} — also
   * when no split is active or an active split has no timestamp yet.
   */
  public long nextWatermark(long now) {
    long min = Long.MAX_VALUE;
    boolean anyActive = false;
    for (BoundedOutOfOrdernessWatermarks split : splits.values()) {
      split.becameIdle(now);
      if (!split.isIdle()) {
        anyActive = true;
        min = Math.min(min, split.current());
      }
    }
    if (!anyActive || min == Long.MIN_VALUE || min <= lastEmitted) {
      return WatermarkValve.NO_CHANGE;
    }
    lastEmitted = min;
    return min;
  }

  /** True exactly once when every split is idle at {@code now} (the subtask announces itself idle). */
  public boolean becameIdle(long now) {
    if (idle || !allSplitsIdle(now)) {
      return false;
    }
    idle = true;
    return true;
  }

  private boolean allSplitsIdle(long now) {
    if (splits.isEmpty()) {
      return idleTimeoutMillis > 0 && now - startedAt >= idleTimeoutMillis;
    }
    for (BoundedOutOfOrdernessWatermarks split : splits.values()) {
      split.becameIdle(now);
      if (!split.isIdle()) {
        return false;
      }
    }
    return true;
  }

  public boolean isIdle() {
    return idle;
  }
}
