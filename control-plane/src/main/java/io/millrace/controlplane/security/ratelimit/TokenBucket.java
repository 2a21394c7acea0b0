package io.millrace.controlplane.security.ratelimit;

/**
 * A token bucket: holds up to {@code capacity} permits, refilled continuously at {@code perSecond}. Time is passed in
 * (nanoseconds from any fixed origin) so tests drive it without a clock. Thread-safe.
 */
public final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double permits;
    private long lastNanos;

    public TokenBucket(int capacity, double perSecond, long nowNanos) {
        if (capacity < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("a bucket needs capacity >= 1 and a positive rate");
        }
        this.capacity = capacity;
        this.perNano = perSecond / 1_000_000_000d;
        this.permits = capacity;
        this.lastNanos = nowNanos;
    }

    /**
     * Takes a permit if one is there.
     *
     * @return 0 when taken, else how many nanoseconds until one will be
     */
    public synchronized long tryTake(long nowNanos) {
        refill(nowNanos);
        if (permits >= 1) {
            permits -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - permits) / perNano);
    }

    /** Whether the bucket is full at {@code nowNanos}: an idle caller, whose bucket can be forgotten. */
    public synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return permits >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            permits = Math.min(capacity, permits + elapsed * perNano);
            lastNanos = nowNanos;
        }
    }
}
