package io.millrace.controlplane.job.restart;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.millrace.spec.model.RestartStrategySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the control plane does when an attempt of a job fails: restart after a delay, or give up. Pure: the decision
 * depends only on the failure times passed in. Stored per job as JSON (durations in milliseconds).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RestartPolicy.FixedDelay.class, name = "fixed-delay"),
        @JsonSubTypes.Type(value = RestartPolicy.ExponentialBackoff.class, name = "exponential-backoff"),
        @JsonSubTypes.Type(value = RestartPolicy.FailureRate.class, name = "failure-rate"),
        @JsonSubTypes.Type(value = RestartPolicy.NoRestart.class, name = "none") })
public sealed interface RestartPolicy {

    /**
     * @param failures when each failure of the job happened, oldest first, the current one last (never empty)
     * @param now the current time (the last failure's time or later)
     */
    RestartDecision decide(List<Instant> failures, Instant now);

    /** Restart up to {@code attempts} times, {@code delayMillis} apart, then give up. */
    record FixedDelay(int attempts, long delayMillis) implements RestartPolicy {
        public FixedDelay {
            requireNonNegative(attempts, "attempts");
            requireNonNegative(delayMillis, "delayMillis");
        }

        @Override
        public RestartDecision decide(List<Instant> failures, Instant now) {
            if (failures.size() > attempts) {
                return new RestartDecision.GiveUp("fixed-delay restart strategy used all " + attempts + " restarts");
            }
            return new RestartDecision.Restart(Duration.ofMillis(delayMillis));
        }
    }

    /** Restart forever; the n-th consecutive failure waits initial × multiplier^(n-1), at most {@code maxDelayMillis}. */
    record ExponentialBackoff(long initialDelayMillis, long maxDelayMillis, double multiplier) implements RestartPolicy {
        public ExponentialBackoff {
            requireNonNegative(initialDelayMillis, "initialDelayMillis");
            if (maxDelayMillis < initialDelayMillis) {
                throw new IllegalArgumentException("maxDelayMillis (" + maxDelayMillis
                        + ") must be at least initialDelayMillis (" + initialDelayMillis + ")");
            }
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("multiplier must be a finite number >= 1, was " + multiplier);
            }
        }

        @Override
        public RestartDecision decide(List<Instant> failures, Instant now) {
            double delay = initialDelayMillis * Math.pow(multiplier, Math.max(0, failures.size() - 1));
            return new RestartDecision.Restart(Duration.ofMillis((long) Math.min(maxDelayMillis, delay)));
        }
    }

    /** Give up when more than {@code maxFailures} failures happened within the last {@code intervalMillis}. */
    record FailureRate(int maxFailures, long intervalMillis, long delayMillis) implements RestartPolicy {
        public FailureRate {
            requireNonNegative(maxFailures, "maxFailures");
            if (intervalMillis <= 0) {
                throw new IllegalArgumentException("intervalMillis must be positive, was " + intervalMillis);
            }
            requireNonNegative(delayMillis, "delayMillis");
        }

        @Override
        public RestartDecision decide(List<Instant> failures, Instant now) {
            Instant windowStart = now.minusMillis(intervalMillis);
            long recent = failures.stream().filter(at -> at.isAfter(windowStart)).count();
            if (recent > maxFailures) {
                return new RestartDecision.GiveUp("failure-rate restart strategy: " + recent + " failures within "
                        + Duration.ofMillis(intervalMillis) + " (at most " + maxFailures + " allowed)");
            }
            return new RestartDecision.Restart(Duration.ofMillis(delayMillis));
        }
    }

    /** Fail the job on its first failure. */
    record NoRestart() implements RestartPolicy {
        @Override
        public RestartDecision decide(List<Instant> failures, Instant now) {
            return new RestartDecision.GiveUp("restart strategy is none");
        }
    }

    /** The policy a spec declares ({@code spec.restartStrategy}, defaults already applied by the compiler). */
    static RestartPolicy fromSpec(RestartStrategySpec spec) {
        if (spec instanceof RestartStrategySpec.FixedDelay f) {
            return new FixedDelay(f.attempts(), f.delay().toMillis());
        }
        if (spec instanceof RestartStrategySpec.ExponentialBackoff e) {
            return new ExponentialBackoff(e.initialDelay().toMillis(), e.maxDelay().toMillis(), e.multiplier());
        }
        if (spec instanceof RestartStrategySpec.FailureRate r) {
            return new FailureRate(r.maxFailures(), r.interval().toMillis(), r.delay().toMillis());
        }
        return new NoRestart();
    }

    private static void requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
