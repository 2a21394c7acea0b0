package io.millrace.controlplane.security.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsTheBurstThenTheRate() {
        TokenBucket bucket = new TokenBucket(3, 2, 0);
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        long wait = bucket.tryTake(0);
        assertThat(wait).isEqualTo(SECOND / 2);
        assertThat(bucket.tryTake(SECOND / 2)).isZero();
        assertThat(bucket.tryTake(SECOND / 2)).isPositive();
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, 100, 0);
        assertThat(bucket.isFull(0)).isTrue();
        bucket.tryTake(0);
        assertThat(bucket.isFull(0)).isFalse();
        long later = 3600 * SECOND;
        assertThat(bucket.tryTake(later)).isZero();
        assertThat(bucket.tryTake(later)).isZero();
        assertThat(bucket.tryTake(later)).isPositive();
    }
}
