package io.millrace.engine.operators.window.aggregate;

import io.millrace.engine.operators.RecordFailure;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code reduce} with the selection expression {@code acc.F OP value.F ? acc : value} (OP one of
 * {@code >=}, {@code >}, {@code <=}, {@code <}) — "keep the record with the largest / smallest F",
 * the most common reduce (Nexmark q5, q7) — evaluated natively instead of by the CEL interpreter,
 * with the same result and the same failures (a missing field, values without a common order).
 * Any other expression runs through CEL ({@link ReduceAggregator}).
 */
public record SelectionReduceAggregator(String name, String field, String operator) implements Aggregator {

  private static final Pattern SELECTION = Pattern.compile(
      "\\s*acc\\.([A-Za-z_][A-Za-z0-9_]*)\\s*(>=|>|<=|<)\\s*value\\.\\1\\s*\\?\\s*acc\\s*:\\s*value\\s*");

  /** The native form of {@code expression}, when it is a selection. */
  public static Optional<SelectionReduceAggregator> recognize(String name, String expression) {
    Matcher m = SELECTION.matcher(expression);
    return m.matches() ? Optional.of(new SelectionReduceAggregator(name, m.group(1), m.group(2))) : Optional.empty();
  }

  @Override
  public Object add(Object acc, Object value, long timestamp) throws RecordFailure {
    return merge(acc, value);
  }

  @Override
  public Object merge(Object earlier, Object later) throws RecordFailure {
    if (earlier == null) {
      return later;
    }
    if (later == null) {
      return earlier;
    }
    Integer c = ValueOrder.compare(read(earlier, "acc"), read(later, "value"));
    if (c == null) {
      throw new RecordFailure("aggregate '" + name + "': acc." + field + " " + operator + " value." + field
          + ": the two values cannot be compared");
    }
    boolean keepAcc = switch (operator) {
      case ">=" -> c >= 0;
      case ">" -> c > 0;
      case "<=" -> c <= 0;
      default -> c < 0;
    };
    return keepAcc ? earlier : later;
  }

  private Object read(Object record, String variable) throws RecordFailure {
    if (!(record instanceof Map<?, ?> map)) {
      throw new RecordFailure("aggregate '" + name + "': " + variable + " is not a map, so it has no field '" + field + "'");
    }
    Object v = map.get(field);
    if (v == null && !map.containsKey(field)) {
      throw new RecordFailure("aggregate '" + name + "': " + variable + "." + field + ": field '" + field + "' is missing");
    }
    return v;
  }

  @Override
  public Object result(Object acc) {
    return acc;
  }
}
