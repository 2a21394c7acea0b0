package io.millrace.engine.operators.window.aggregate;

import io.millrace.engine.operators.RecordFailure;
import java.util.Map;

/** Reads the input field of an aggregate from a record value. */
final class Fields {

  private Fields() {}

  static Object read(Object value, String field, String aggregate) throws RecordFailure {
    if (!(value instanceof Map<?, ?> map)) {
      throw new RecordFailure("aggregate '" + aggregate + "' reads field '" + field + "', but the record is "
          + (value == null ? "null" : "a " + value.getClass().getSimpleName()) + ", not a map");
    }
    Object field1 = map.get(field);
    if (field1 == null && !map.containsKey(field)) {
      throw new RecordFailure("aggregate '" + aggregate + "': field '" + field + "' is missing");
    }
    return field1;
  }

  static Number number(Object fieldValue, String field, String aggregate) throws RecordFailure {
    if (fieldValue instanceof Long || fieldValue instanceof Double) {
      return (Number) fieldValue;
    }
    if (fieldValue instanceof Integer || fieldValue instanceof Short || fieldValue instanceof Byte) {
      return ((Number) fieldValue).longValue();
    }
    if (fieldValue instanceof Float f) {
      return f.doubleValue();
    }
    throw new RecordFailure("aggregate '" + aggregate + "' needs a number in field '" + field + "', got "
        + fieldValue.getClass().getSimpleName());
  }
}
