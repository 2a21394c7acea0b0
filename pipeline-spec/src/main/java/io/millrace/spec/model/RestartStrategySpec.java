package io.millrace.spec.model;

import java.time.Duration;

/** What the control plane does when a task of the job fails. */
public sealed interface RestartStrategySpec {

  /** Restart up to {@code attempts} times, {@code delay} apart. */
  record FixedDelay(int attempts, Duration delay) implements RestartStrategySpec {}

  /** Restart forever, waiting {@code initialDelay}, then times {@code multiplier}, up to {@code maxDelay}. */
  record ExponentialBackoff(Duration initialDelay, Duration maxDelay, double multiplier) implements RestartStrategySpec {}

  /** Give up when more than {@code maxFailures} happen within {@code interval}. */
  record FailureRate(int maxFailures, Duration interval, Duration delay) implements RestartStrategySpec {}

  /** Fail the job on the first task failure. */
  record NoRestart() implements RestartStrategySpec {}
}
