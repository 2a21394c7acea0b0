package io.millrace.spec.model;

import java.time.Duration;

/** An event-time window assigner. */
public sealed interface WindowSpec {

  record Tumbling(Duration size) implements WindowSpec {}

  /** Windows of {@code size} starting every {@code slide} (slide ≤ size). */
  record Sliding(Duration size, Duration slide) implements WindowSpec {}

  /** A window per key that closes after {@code gap} without records. */
  record Session(Duration gap) implements WindowSpec {}
}
