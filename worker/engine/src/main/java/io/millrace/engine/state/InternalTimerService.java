package io.millrace.engine.state;

/**
 * Timers of one keyed node, kept in the keyed state backend (so they are snapshotted, restored and
 * redistributed by key group like any state). The runtime wraps it into the operator-facing timer
 * service and drives it with watermarks and the processing-time clock.
 *
 * <p>Registration and deletion use the backend's current key; the namespace and timestamp are
 * explicit.
 */
public interface InternalTimerService {

  /** Receives timers as they fire. The backend's current key and namespace are set to the timer's. */
  @FunctionalInterface
  interface TimerCallback {
    void onTimer(Timer timer) throws Exception;
  }

  /** Registers a timer for the current key; a duplicate is a no-op. */
  void registerTimer(TimeDomain domain, long namespace, long timestamp);

  /** Deletes a timer of the current key; deleting an unknown timer is a no-op. */
  void deleteTimer(TimeDomain domain, long namespace, long timestamp);

  /**
   * Fires, in timestamp order, every timer of {@code domain} with timestamp ≤ {@code time}, removing
   * each before its callback. Timers registered by a callback at a timestamp ≤ {@code time} fire in
   * the same call. Ties are broken by key group, then serialized key, then namespace (heap and
   * RocksDB agree), so firing order is deterministic.
   *
   * @return the number of timers fired
   */
  int advanceTo(TimeDomain domain, long time, TimerCallback callback) throws Exception;

  /** The earliest registered timestamp of {@code domain}, or {@code Long.MAX_VALUE} if none. */
  long nextTimestamp(TimeDomain domain);

  /** Number of registered timers of {@code domain} (for metrics and tests). */
  long size(TimeDomain domain);
}
