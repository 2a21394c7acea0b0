package io.millrace.spec.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The variables an expression may read, each with its type.
 *
 * <p>Most expressions see {@code value}, {@code key} and {@code timestamp} ({@link
 * #forRecord(RecordType)}); joins see {@code left}/{@code right}, reduce aggregates see {@code
 * acc}/{@code value}, process nodes see their declared state names and {@code timer}. A variable is
 * either a record ({@link Variable.Record}, checked field by field when the record declares fields)
 * or a plain value of a {@link FieldType} ({@link Variable.Scalar}).
 */
public record ExpressionScope(Map<String, Variable> variables) {

  /** The type of one variable. */
  public sealed interface Variable {
    /** A record: field access is checked against the declared fields, or dynamic. */
    record Record(RecordType type) implements Variable {
      public Record {
        Objects.requireNonNull(type, "type");
      }
    }

    /** A plain value (ANY = dynamic). */
    record Scalar(FieldType type) implements Variable {
      public Scalar {
        Objects.requireNonNull(type, "type");
      }
    }
  }

  public static final String VALUE = "value";
  public static final String KEY = "key";
  public static final String TIMESTAMP = "timestamp";

  public ExpressionScope {
    Objects.requireNonNull(variables, "variables");
    // Keep declaration order: it is the order "did you mean" hints and docs list variables in.
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  /** No variables at all (constant expressions). */
  public static ExpressionScope empty() {
    return new ExpressionScope(Map.of());
  }

  /** The usual scope: {@code value} of the given type, a dynamic {@code key}, {@code timestamp}. */
  public static ExpressionScope forRecord(RecordType value) {
    return empty()
        .withRecord(VALUE, value)
        .withScalar(KEY, FieldType.ANY)
        .withScalar(TIMESTAMP, FieldType.TIMESTAMP);
  }

  /** A copy with one more (or a replaced) record variable. */
  public ExpressionScope withRecord(String name, RecordType type) {
    return with(name, new Variable.Record(type));
  }

  /** A copy with one more (or a replaced) plain variable. */
  public ExpressionScope withScalar(String name, FieldType type) {
    return with(name, new Variable.Scalar(type));
  }

  private ExpressionScope with(String name, Variable variable) {
    Objects.requireNonNull(name, "name");
    var copy = new LinkedHashMap<>(variables);
    copy.put(name, variable);
    return new ExpressionScope(copy);
  }
}
