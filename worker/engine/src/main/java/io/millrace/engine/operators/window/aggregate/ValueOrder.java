package io.millrace.engine.operators.window.aggregate;

import java.time.Duration;
import java.time.Instant;

/**
 * The order CEL's {@code <}, {@code <=}, {@code >=}, {@code >} give record-model values: ints and
 * doubles compare numerically with each other, strings, timestamps, durations and bools among
 * themselves; anything else has no order (null is returned).
 */
final class ValueOrder {

  private ValueOrder() {}

  /** Negative, zero or positive; null when the two values have no common order. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Integer compare(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a == null || b == null || a.getClass() != b.getClass()) {
      return null;
    }
    if (a instanceof String || a instanceof Instant || a instanceof Duration || a instanceof Boolean) {
      return ((Comparable) a).compareTo(b);
    }
    return null;
  }
}
