package io.millrace.spec.expr;

import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelUnknownSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Turns the CEL value an expression yielded into the {@link EvalResult} its {@link ExpressionKind}
 * promises: shared by the CEL program and the fast path, so both answer alike.
 */
final class ResultShaping {

  // Predicates run per record: answer with shared immutable results instead of allocating.
  static final EvalResult TRUE = new EvalResult.Value(Boolean.TRUE);
  static final EvalResult FALSE = new EvalResult.Value(Boolean.FALSE);

  private ResultShaping() {}

  static EvalResult finish(ExpressionKind kind, Object result) {
    if (result instanceof CelUnknownSet) {
      return new EvalResult.Failed("the expression read a value that is not set");
    }
    return switch (kind) {
      case VALUE -> new EvalResult.Value(CelValues.fromCel(result));
      case PREDICATE -> result instanceof Boolean b
          ? (b ? TRUE : FALSE)
          : mismatch("a bool", result);
      case LIST -> result instanceof List<?>
          ? new EvalResult.Value(CelValues.fromCel(result))
          : mismatch("a list", result);
      case KEY -> isKey(result)
          ? new EvalResult.Value(CelValues.fromCel(result))
          : mismatch("a string, int, bool, bytes or a list of these", result);
      case TIMESTAMP -> timestamp(result);
    };
  }

  private static EvalResult timestamp(Object result) {
    if (result instanceof Long millis) {
      return new EvalResult.Value(millis);
    }
    if (result instanceof Instant instant) {
      try {
        return new EvalResult.Value(instant.toEpochMilli());
      } catch (ArithmeticException e) {
        return new EvalResult.Failed("timestamp out of range: " + instant);
      }
    }
    return new EvalResult.Failed(
        "the expression must yield a timestamp or epoch milliseconds, got " + typeName(result));
  }

  private static EvalResult mismatch(String expected, Object result) {
    return new EvalResult.Failed("the expression must yield " + expected + ", got " + typeName(result));
  }

  private static boolean isKey(Object result) {
    if (result instanceof List<?> list) {
      for (Object element : list) {
        if (!isScalarKey(element)) {
          return false;
        }
      }
      return true;
    }
    return isScalarKey(result);
  }

  private static boolean isScalarKey(Object value) {
    return value instanceof String || value instanceof Long || value instanceof Boolean
        || value instanceof CelByteString
        || (value instanceof Number && !(value instanceof Double));
  }

  static String typeName(Object value) {
    if (value == null || value instanceof NullValue) {
      return "null";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Long) {
      return "int";
    }
    if (value instanceof Double) {
      return "double";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof CelByteString) {
      return "bytes";
    }
    if (value instanceof List<?>) {
      return "list";
    }
    if (value instanceof Map<?, ?>) {
      return "map";
    }
    if (value instanceof Instant) {
      return "timestamp";
    }
    if (value instanceof java.time.Duration) {
      return "duration";
    }
    return value.getClass().getSimpleName();
  }
}
