package io.millrace.spec.expr.fast;

import dev.cel.common.values.CelByteString;
import java.time.Instant;
import java.util.Map;

/**
 * Leaves of a tree compiled for a scope with explicit variables (process state, {@code acc},
 * {@code left}/{@code right}): the {@code Map} argument of {@link Node#eval} is then the variables
 * map given to {@code evaluate(Map)}, not a record. A value whose run-time class is not the
 * declared type's (an Integer in an int state, a null, a missing variable) deoptimises, so CEL,
 * which converts and decides, answers that evaluation.
 */
final class ScopedLeaves {

  private ScopedLeaves() {}

  /** A typed scalar variable ({@code count} of an int state, {@code timer}, {@code key}...). */
  static final class VariableRead extends Node {
    private final String name;

    VariableRead(FastType type, String name) {
      super(type);
      this.name = name;
    }

    @Override
    public Object eval(Map<?, ?> variables, Object key, long timestamp) {
      Object raw = variables.get(name);
      return switch (type()) {
        case INT -> raw instanceof Long ? raw : deopt();
        case DOUBLE -> raw instanceof Double ? raw : deopt();
        case STRING -> raw instanceof String ? raw : deopt();
        case BOOL -> raw instanceof Boolean ? raw : deopt();
        // Epoch millis are accepted for timestamp variables, as the CEL program's conversion does.
        case TIMESTAMP -> raw instanceof Instant ? raw : raw instanceof Long millis ? Instant.ofEpochMilli(millis) : deopt();
        case BYTES -> raw instanceof byte[] array ? CelByteString.of(array) : raw instanceof CelByteString ? raw : deopt();
        // An unbound variable is CEL's error to report, with its own words.
        case DYN -> raw == null && !variables.containsKey(name) ? deopt() : Leaves.dynamic(raw, null);
        default -> deopt();
      };
    }

    @Override
    public boolean evalBool(Map<?, ?> variables, Object key, long timestamp) {
      if (variables.get(name) instanceof Boolean b) {
        return b;
      }
      throw Deopt.INSTANCE;
    }

    @Override
    public long evalInt(Map<?, ?> variables, Object key, long timestamp) {
      if (variables.get(name) instanceof Long l) {
        return l;
      }
      throw Deopt.INSTANCE;
    }

    @Override
    public double evalDouble(Map<?, ?> variables, Object key, long timestamp) {
      if (variables.get(name) instanceof Double d) {
        return d;
      }
      throw Deopt.INSTANCE;
    }

    @Override
    boolean mayAlias() {
      // The CEL program hands the variable's own object to both sides of `x == x`.
      return true;
    }

    private static Object deopt() {
      throw Deopt.INSTANCE;
    }
  }

  /**
   * {@code v.f} or {@code has(v.f)} on a record variable with declared fields: the record-mode leaf
   * applied to the variable's map; a variable that is not a map deoptimises.
   */
  static final class VariableField extends Node {
    private final String name;
    private final Node field;

    VariableField(String name, Node field) {
      super(field.type());
      this.name = name;
      this.field = field;
    }

    @Override
    public Object eval(Map<?, ?> variables, Object key, long timestamp) {
      return field.eval(record(variables), key, timestamp);
    }

    @Override
    public boolean evalBool(Map<?, ?> variables, Object key, long timestamp) {
      return field.evalBool(record(variables), key, timestamp);
    }

    @Override
    public long evalInt(Map<?, ?> variables, Object key, long timestamp) {
      return field.evalInt(record(variables), key, timestamp);
    }

    @Override
    public double evalDouble(Map<?, ?> variables, Object key, long timestamp) {
      return field.evalDouble(record(variables), key, timestamp);
    }

    @Override
    boolean mayAlias() {
      return field.mayAlias();
    }

    private Map<?, ?> record(Map<?, ?> variables) {
      if (variables.get(name) instanceof Map<?, ?> record) {
        return record;
      }
      throw Deopt.INSTANCE;
    }
  }
}
