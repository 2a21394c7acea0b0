package io.millrace.worker.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final double ALMOST_ONE = Math.nextDown(1.0);

    @Test
    void ceilingDoublesPerFailureUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), () -> ALMOST_ONE);
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            delays.add(backoff.nextDelay().toMillis());
        }
        assertThat(delays).containsExactly(99L, 199L, 399L, 799L, 999L, 999L, 999L);
    }

    @Test
    void jitterScalesTheDelayButNeverMakesItZero() {
        Backoff half = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), () -> 0.5);
        assertThat(half.nextDelay()).isEqualTo(Duration.ofMillis(50));
        assertThat(half.nextDelay()).isEqualTo(Duration.ofMillis(100));

        Backoff zero = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), () -> 0.0);
        assertThat(zero.nextDelay()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void resetStartsAgainFromTheInitialDelay() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), () -> ALMOST_ONE);
        backoff.nextDelay();
        backoff.nextDelay();
        backoff.nextDelay();
        backoff.reset();
        assertThat(backoff.nextDelay()).isEqualTo(Duration.ofMillis(99));
    }

    @Test
    void manyFailuresNeverOverflowPastTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofMinutes(5), () -> ALMOST_ONE);
        Duration last = Duration.ZERO;
        for (int i = 0; i < 500; i++) {
            last = backoff.nextDelay();
            assertThat(last).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5));
        }
        assertThat(last).isGreaterThan(Duration.ofMinutes(4));
    }

    @Test
    void rejectsSettingsThatWouldHammerOrMakeNoSenseNamingTheKeys() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), () -> 0.5))
                .hasMessageContaining("millrace.worker.reconnect.initial-backoff");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0.5))
                .hasMessageContaining("millrace.worker.reconnect.max-backoff");
    }
}
