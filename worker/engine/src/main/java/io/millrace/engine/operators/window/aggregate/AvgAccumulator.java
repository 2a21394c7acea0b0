package io.millrace.engine.operators.window.aggregate;

/** Running sum and count of an {@code avg} aggregate. */
public record AvgAccumulator(double sum, long count) {

  AvgAccumulator plus(double value) {
    return new AvgAccumulator(sum + value, count + 1);
  }

  AvgAccumulator plus(AvgAccumulator other) {
    return new AvgAccumulator(sum + other.sum, count + other.count);
  }
}
