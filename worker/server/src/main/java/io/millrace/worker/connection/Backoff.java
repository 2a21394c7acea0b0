package io.millrace.worker.connection;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with a cap and "full jitter": the n-th delay is uniform in [0, min(max, initial * 2^n)].
 * Jitter spreads the reconnects of many workers after a control-plane restart, so they do not all arrive at once.
 * Not thread-safe: owned by the connector's single thread.
 */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private final DoubleSupplier random;
    private int failures;

    /**
     * @param random uniform values in [0, 1); injected so tests are deterministic
     */
    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("millrace.worker.reconnect.initial-backoff must be > 0, got " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("millrace.worker.reconnect.max-backoff (" + max
                    + ") must be >= millrace.worker.reconnect.initial-backoff (" + initial + ")");
        }
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** The delay before the next attempt; each call counts one more consecutive failure. */
    Duration nextDelay() {
        long ceiling = ceilingMillis(failures);
        failures = Math.min(failures + 1, 62);
        // Never zero: a zero delay would be a hot loop if the peer fails instantly.
        return Duration.ofMillis(Math.max(1, (long) (random.getAsDouble() * ceiling)));
    }

    /** A session worked: the next failure starts again from the initial delay. */
    void reset() {
        failures = 0;
    }

    private long ceilingMillis(int n) {
        if (n >= 62 || initialMillis > (maxMillis >> Math.min(n, 62))) {
            return maxMillis;
        }
        return Math.min(maxMillis, initialMillis << n);
    }
}
