package io.millrace.worker.execution;

/**
 * How a task thread spent one reporting interval: shares (0..1) busy, idle and backpressured that sum to 1.
 *
 * <p>Idle and backpressured time come from the task's counters, busy is the rest of the interval. The task adds an
 * idle or wait stretch when the stretch ENDS, so one that started in the previous interval can make idle +
 * backpressured exceed the interval; they are then scaled down to fill it (busy 0), never reported above 1.
 */
record IntervalShares(double busy, double idle, double backpressured) {

    static IntervalShares of(long idleNanos, long backpressuredNanos, long intervalNanos) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("interval must be > 0 ns, got " + intervalNanos);
        }
        double idle = Math.max(0, idleNanos) / (double) intervalNanos;
        double backpressured = Math.max(0, backpressuredNanos) / (double) intervalNanos;
        double waiting = idle + backpressured;
        if (waiting > 1) {
            return new IntervalShares(0, idle / waiting, backpressured / waiting);
        }
        return new IntervalShares(1 - waiting, idle, backpressured);
    }
}
