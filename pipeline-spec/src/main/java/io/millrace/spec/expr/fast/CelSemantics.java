package io.millrace.spec.expr.fast;

import dev.cel.common.values.CelByteString;
import java.util.Comparator;
import java.util.Objects;

/**
 * The exact run-time semantics of CEL-java 0.11.1 (with the options {@code CelExpressionCompiler}
 * sets: heterogeneous numeric comparisons, errors on int overflow) for the operations of the fast
 * path, written from CEL's behaviour and checked against it by the differential test
 * ({@code FastPathDifferentialTest}). Some of it differs from IEEE or from the CEL spec's prose;
 * the fast path must still agree with the CEL program it replaces:
 *
 * <ul>
 *   <li>int vs double ordering compares {@code Double.compare(d, (double) i)} after a range check,
 *       so NaN sorts above every int and {@code -0.0 < 0} is true, {@code -0.0 == 0} false;
 *   <li>double vs double uses IEEE operators ({@code NaN > 1.0} is false, {@code -0.0 == 0.0} true);
 *   <li>equality first tests identity, so a NaN field equals itself;
 *   <li>strings order by UTF-16 code units ({@link String#compareTo}), not by code points.
 * </ul>
 */
final class CelSemantics {

  private static final double LONG_MAX_AS_DOUBLE = (double) Long.MAX_VALUE;
  private static final double LONG_MIN_AS_DOUBLE = (double) Long.MIN_VALUE;
  private static final Comparator<CelByteString> BYTES_ORDER =
      CelByteString.unsignedLexicographicalComparator();

  private CelSemantics() {}

  /** -1, 0 or 1: a double against an int, as CEL-java's heterogeneous comparison does it. */
  static int compareDoubleInt(double d, long i) {
    if (d < LONG_MIN_AS_DOUBLE) {
      return -1;
    }
    if (d > LONG_MAX_AS_DOUBLE) {
      return 1;
    }
    return Double.compare(d, (double) i);
  }

  static int compareIntDouble(long i, double d) {
    return -compareDoubleInt(d, i);
  }

  /** CEL's numeric equality of two doubles (IEEE: NaN equals nothing, -0.0 equals 0.0). */
  static boolean doubleEquals(double a, double b) {
    return !(Double.isNaN(a) || Double.isNaN(b)) && a == b;
  }

  static int compareBytes(CelByteString a, CelByteString b) {
    return BYTES_ORDER.compare(a, b);
  }

  /**
   * CEL's {@code ==} on the scalar run-time values of the subset (Long, Double, String, Boolean,
   * CelByteString, NullValue, Instant): identity, then numbers by value across int and double,
   * then {@link Object#equals}.
   */
  static boolean objectEquals(Object x, Object y) {
    if (x == y) {
      return true;
    }
    if (x instanceof Number a) {
      return y instanceof Number b && numericEquals(a, b);
    }
    return Objects.equals(x, y);
  }

  private static boolean numericEquals(Number x, Number y) {
    if (x instanceof Double a) {
      if (y instanceof Double b) {
        return doubleEquals(a, b);
      }
      return y instanceof Long b && compareDoubleInt(a, b) == 0;
    }
    if (x instanceof Long a) {
      if (y instanceof Long b) {
        return a.longValue() == b.longValue();
      }
      return y instanceof Double b && compareIntDouble(a, b) == 0;
    }
    return false;
  }

  /**
   * Whether CEL's {@code in} finds a double in a list of doubles: {@code List.contains} (which
   * uses {@link Double#equals}: bit equality, so NaN finds NaN) or numeric equality.
   */
  static boolean doubleInList(double x, double element) {
    return Double.doubleToLongBits(x) == Double.doubleToLongBits(element) || doubleEquals(element, x);
  }

  /**
   * CEL's {@code int(double)}: truncation, an error outside the int range (NaN and infinities
   * included). Returns false when out of range.
   */
  static boolean doubleFitsInt(double v) {
    return Math.getExponent(v) < 63 || v == -0x1p63;
  }
}
