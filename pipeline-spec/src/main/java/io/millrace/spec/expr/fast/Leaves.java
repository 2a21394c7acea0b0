package io.millrace.spec.expr.fast;

import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import java.time.Instant;
import java.util.Map;

/** The leaves of a tree: constants, fields of the typed {@code value}, {@code key}, {@code timestamp}. */
final class Leaves {

  private Leaves() {}

  /** A literal; primitives are kept unboxed for the primitive paths. */
  static final class Constant extends Node {
    private final Object value;
    private final long longValue;
    private final double doubleValue;
    private final boolean boolValue;

    Constant(FastType type, Object value) {
      super(type);
      this.value = value;
      this.longValue = value instanceof Long l ? l : 0L;
      this.doubleValue = value instanceof Double d ? d : 0.0;
      this.boolValue = value instanceof Boolean b && b;
    }

    @Override
    public Object eval(Map<?, ?> record, Object key, long timestamp) {
      return value;
    }

    @Override
    public boolean evalBool(Map<?, ?> record, Object key, long timestamp) {
      return boolValue;
    }

    @Override
    public long evalInt(Map<?, ?> record, Object key, long timestamp) {
      return longValue;
    }

    @Override
    public double evalDouble(Map<?, ?> record, Object key, long timestamp) {
      return doubleValue;
    }
  }

  /**
   * {@code value.f} for a declared field. Returns the record's own object when it already has the
   * declared type's run-time class; a missing field fails like CEL ("field 'f' is missing"); any
   * other value (null, an Integer in an int field...) deoptimises to CEL, which decides.
   */
  static final class FieldRead extends Node {
    private final String field;
    private final int position;

    FieldRead(FastType type, String field, int position) {
      super(type);
      this.field = field;
      this.position = position;
    }

    @Override
    public Object eval(Map<?, ?> record, Object key, long timestamp) {
      Object raw = record.get(field);
      return switch (type()) {
        case INT -> raw instanceof Long ? raw : rejected(record, raw);
        case DOUBLE -> raw instanceof Double ? raw : rejected(record, raw);
        case STRING -> raw instanceof String ? raw : rejected(record, raw);
        case BOOL -> raw instanceof Boolean ? raw : rejected(record, raw);
        case TIMESTAMP -> raw instanceof Instant ? raw : rejected(record, raw);
        case BYTES -> bytes(record, raw);
        case DYN -> Leaves.dynamic(raw, raw == null && !record.containsKey(field) ? missing() : null);
        default -> throw Deopt.INSTANCE;
      };
    }

    @Override
    public boolean evalBool(Map<?, ?> record, Object key, long timestamp) {
      Object raw = record.get(field);
      if (raw instanceof Boolean b) {
        return b;
      }
      throw unexpected(record, raw);
    }

    @Override
    public long evalInt(Map<?, ?> record, Object key, long timestamp) {
      Object raw = record.get(field);
      if (raw instanceof Long l) {
        return l;
      }
      throw unexpected(record, raw);
    }

    @Override
    public double evalDouble(Map<?, ?> record, Object key, long timestamp) {
      Object raw = record.get(field);
      if (raw instanceof Double d) {
        return d;
      }
      throw unexpected(record, raw);
    }

    @Override
    boolean mayAlias() {
      return true;
    }

    private Object bytes(Map<?, ?> record, Object raw) {
      if (raw instanceof byte[] array) {
        return CelByteString.of(array);
      }
      if (raw instanceof CelByteString) {
        return raw;
      }
      throw unexpected(record, raw);
    }

    private Object rejected(Map<?, ?> record, Object raw) {
      throw unexpected(record, raw);
    }

    private RuntimeException unexpected(Map<?, ?> record, Object raw) {
      if (raw == null && !record.containsKey(field)) {
        return missing();
      }
      return Deopt.INSTANCE;
    }

    private EvalFailure missing() {
      return EvalFailure.at(position, "field '" + field + "' is missing");
    }
  }

  /** {@code has(value.f)}: presence of the key, even with a null value (as CEL does for maps). */
  static final class HasField extends Node {
    private final String field;

    HasField(String field) {
      super(FastType.BOOL);
      this.field = field;
    }

    @Override
    public Object eval(Map<?, ?> record, Object key, long timestamp) {
      return evalBool(record, key, timestamp) ? Boolean.TRUE : Boolean.FALSE;
    }

    @Override
    public boolean evalBool(Map<?, ?> record, Object key, long timestamp) {
      return record.containsKey(field);
    }
  }

  /** {@code key}: dynamic; the record model's canonical scalars pass as CEL values. */
  static final class KeyRead extends Node {
    KeyRead() {
      super(FastType.DYN);
    }

    @Override
    public Object eval(Map<?, ?> record, Object key, long timestamp) {
      return Leaves.dynamic(key, null);
    }

    @Override
    boolean mayAlias() {
      return true;
    }
  }

  /** {@code timestamp}: the event time as CEL sees it. */
  static final class TimestampRead extends Node {
    TimestampRead() {
      super(FastType.TIMESTAMP);
    }

    @Override
    public Object eval(Map<?, ?> record, Object key, long timestamp) {
      return Instant.ofEpochMilli(timestamp);
    }
  }

  /**
   * A dynamic value as CEL's record conversion would give it, for the scalars the subset handles;
   * {@code missing} is raised instead when the value is absent; anything else deoptimises.
   */
  static Object dynamic(Object raw, EvalFailure missing) {
    if (raw instanceof String || raw instanceof Long || raw instanceof Double
        || raw instanceof Boolean || raw instanceof Instant) {
      return raw;
    }
    if (raw == null) {
      if (missing != null) {
        throw missing;
      }
      return NullValue.NULL_VALUE;
    }
    if (raw instanceof byte[] array) {
      return CelByteString.of(array);
    }
    throw Deopt.INSTANCE;
  }
}
