package io.millrace.engine.preview;

import java.time.Duration;
import java.util.Objects;

/**
 * The sandbox's bounds.
 *
 * @param maxRecordsPerNode records kept per node output (counting continues beyond it)
 * @param timeLimit the run is cancelled after this long; what was captured until then is returned
 * @param generatedRecordsPerSource records a {@code datagen-source} without samples generates
 */
public record PreviewLimits(int maxRecordsPerNode, Duration timeLimit, int generatedRecordsPerSource) {

  public PreviewLimits {
    Objects.requireNonNull(timeLimit, "timeLimit");
    if (maxRecordsPerNode < 1) {
      throw new IllegalArgumentException("maxRecordsPerNode must be >= 1, was " + maxRecordsPerNode);
    }
    if (timeLimit.isZero() || timeLimit.isNegative()) {
      throw new IllegalArgumentException("timeLimit must be positive, was " + timeLimit);
    }
    if (generatedRecordsPerSource < 0) {
      throw new IllegalArgumentException("generatedRecordsPerSource must be >= 0, was " + generatedRecordsPerSource);
    }
  }
}
