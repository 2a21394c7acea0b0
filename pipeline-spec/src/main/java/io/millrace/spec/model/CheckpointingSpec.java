package io.millrace.spec.model;

import java.time.Duration;

/** How often and how checkpoints are taken, and how many completed ones are kept. */
public record CheckpointingSpec(Duration interval, Mode mode, Duration timeout, int retained) {

  public enum Mode {
    EXACTLY_ONCE,
    AT_LEAST_ONCE;

    public static Mode of(String word) {
      return SpecEnums.of(Mode.class, word);
    }
  }
}
