package io.millrace.controlplane.job.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.spec.model.RestartStrategySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static List<Instant> failures(int n, Duration apart) {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            times.add(T0.plus(apart.multipliedBy(i)));
        }
        return times;
    }

    @Test
    void fixedDelayRestartsUpToItsAttemptsThenGivesUp() {
        RestartPolicy policy = new RestartPolicy.FixedDelay(2, 300);
        assertThat(policy.decide(failures(1, Duration.ofSeconds(1)), T0))
                .isEqualTo(new RestartDecision.Restart(Duration.ofMillis(300)));
        assertThat(policy.decide(failures(2, Duration.ofSeconds(1)), T0.plusSeconds(1)))
                .isEqualTo(new RestartDecision.Restart(Duration.ofMillis(300)));
        assertThat(policy.decide(failures(3, Duration.ofSeconds(1)), T0.plusSeconds(2)))
                .isEqualTo(new RestartDecision.GiveUp("fixed-delay restart strategy used all 2 restarts"));
    }

    @Test
    void exponentialBackoffGrowsByTheMultiplierUpToTheCap() {
        RestartPolicy policy = new RestartPolicy.ExponentialBackoff(100, 1000, 3.0);
        assertThat(policy.decide(failures(1, Duration.ZERO), T0)).isEqualTo(restart(100));
        assertThat(policy.decide(failures(2, Duration.ZERO), T0)).isEqualTo(restart(300));
        assertThat(policy.decide(failures(3, Duration.ZERO), T0)).isEqualTo(restart(900));
        assertThat(policy.decide(failures(4, Duration.ZERO), T0)).isEqualTo(restart(1000));
        assertThat(policy.decide(failures(60, Duration.ZERO), T0)).isEqualTo(restart(1000));
    }

    @Test
    void failureRateCountsOnlyFailuresInsideTheInterval() {
        RestartPolicy policy = new RestartPolicy.FailureRate(2, 10_000, 50);
        // Three failures 6 s apart: at the third, only two are within the last 10 s.
        assertThat(policy.decide(failures(3, Duration.ofSeconds(6)), T0.plusSeconds(12))).isEqualTo(restart(50));
        // Three failures 1 s apart: three within 10 s, more than 2.
        RestartDecision tooMany = policy.decide(failures(3, Duration.ofSeconds(1)), T0.plusSeconds(2));
        assertThat(tooMany).isInstanceOf(RestartDecision.GiveUp.class);
        assertThat(((RestartDecision.GiveUp) tooMany).why()).contains("3 failures within PT10S (at most 2 allowed)");
    }

    @Test
    void noRestartGivesUpAtOnce() {
        assertThat(new RestartPolicy.NoRestart().decide(failures(1, Duration.ZERO), T0))
                .isEqualTo(new RestartDecision.GiveUp("restart strategy is none"));
    }

    @Test
    void impossibleSettingsAreRefusedWithTheField() {
        assertThatThrownBy(() -> new RestartPolicy.FixedDelay(-1, 10)).hasMessageContaining("attempts");
        assertThatThrownBy(() -> new RestartPolicy.ExponentialBackoff(100, 50, 2)).hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> new RestartPolicy.ExponentialBackoff(1, 5, 0.5)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new RestartPolicy.FailureRate(1, 0, 5)).hasMessageContaining("intervalMillis");
    }

    @Test
    void everyPolicyRoundTripsThroughItsJson() {
        RestartPolicyCodec codec = new RestartPolicyCodec();
        for (RestartPolicy policy : List.of(new RestartPolicy.FixedDelay(3, 200),
                new RestartPolicy.ExponentialBackoff(10, 1000, 2.5), new RestartPolicy.FailureRate(4, 60_000, 100),
                new RestartPolicy.NoRestart())) {
            assertThat(codec.fromJson(codec.toJson(policy))).isEqualTo(policy);
        }
        assertThat(codec.toJson(new RestartPolicy.FixedDelay(3, 200))).contains("\"type\":\"fixed-delay\"");
    }

    @Test
    void theSpecsStrategyMapsToTheSamePolicy() {
        assertThat(RestartPolicyCodec.fromSpec(new RestartStrategySpec.FixedDelay(5, Duration.ofSeconds(2))))
                .isEqualTo(new RestartPolicy.FixedDelay(5, 2000));
        assertThat(RestartPolicyCodec.fromSpec(new RestartStrategySpec.ExponentialBackoff(Duration.ofSeconds(1),
                Duration.ofMinutes(5), 2.0))).isEqualTo(new RestartPolicy.ExponentialBackoff(1000, 300_000, 2.0));
        assertThat(RestartPolicyCodec.fromSpec(new RestartStrategySpec.FailureRate(3, Duration.ofMinutes(5),
                Duration.ofSeconds(10)))).isEqualTo(new RestartPolicy.FailureRate(3, 300_000, 10_000));
        assertThat(RestartPolicyCodec.fromSpec(new RestartStrategySpec.NoRestart()))
                .isEqualTo(new RestartPolicy.NoRestart());
    }

    private static RestartDecision restart(long millis) {
        return new RestartDecision.Restart(Duration.ofMillis(millis));
    }
}
