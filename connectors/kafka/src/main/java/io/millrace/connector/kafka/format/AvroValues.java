package io.millrace.connector.kafka.format;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

/**
 * Avro data ↔ the engine's record model, guided by the schema. Avro → record: int and long as
 * {@code Long}, float and double as {@code Double}, string and enum as {@code String}, bytes and fixed as
 * {@code byte[]}, arrays as lists, maps and records as maps (record fields in schema order), the
 * timestamp logical types as {@code Instant}; other logical types as their underlying value (date: days
 * since the epoch, decimal: its bytes). Record → Avro is the inverse; a value that does not fit its
 * schema is refused with the path of the field (e.g. {@code order.items[2].price}).
 */
final class AvroValues {

  private AvroValues() {}

  static Object toRecordModel(Object datum, Schema schema) {
    switch (schema.getType()) {
      case NULL:
        return null;
      case UNION:
        return toRecordModel(datum, schema.getTypes().get(GenericData.get().resolveUnion(schema, datum)));
      case BOOLEAN:
        return datum;
      case INT:
      case LONG: {
        long n = ((Number) datum).longValue();
        LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.TimestampMillis || logical instanceof LogicalTypes.LocalTimestampMillis) {
          return Instant.ofEpochMilli(n);
        }
        if (logical instanceof LogicalTypes.TimestampMicros || logical instanceof LogicalTypes.LocalTimestampMicros) {
          return Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000L), Math.floorMod(n, 1_000_000L) * 1_000L);
        }
        return n;
      }
      case FLOAT:
      case DOUBLE:
        return ((Number) datum).doubleValue();
      case STRING:
      case ENUM:
        return datum.toString(); // Utf8, String or GenericEnumSymbol
      case BYTES: {
        ByteBuffer buffer = ((ByteBuffer) datum).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
      }
      case FIXED:
        return ((GenericFixed) datum).bytes().clone();
      case ARRAY: {
        List<Object> list = new ArrayList<>();
        for (Object item : (Iterable<?>) datum) {
          list.add(toRecordModel(item, schema.getElementType()));
        }
        return list;
      }
      case MAP: {
        Map<String, Object> map = new LinkedHashMap<>();
        ((Map<?, ?>) datum).forEach((k, v) -> map.put(k.toString(), toRecordModel(v, schema.getValueType())));
        return map;
      }
      case RECORD: {
        GenericRecord record = (GenericRecord) datum;
        Map<String, Object> map = new LinkedHashMap<>();
        for (Schema.Field field : schema.getFields()) {
          map.put(field.name(), toRecordModel(record.get(field.pos()), field.schema()));
        }
        return map;
      }
      default:
        throw new IllegalStateException("Avro type " + schema.getType() + " not handled");
    }
  }

  /**
   * @throws IllegalArgumentException naming the path when {@code value} does not fit {@code schema}
   */
  static Object fromRecordModel(Object value, Schema schema, String path) {
    switch (schema.getType()) {
      case NULL:
        if (value != null) {
          throw mismatch(path, "null", value);
        }
        return null;
      case UNION: {
        for (Schema branch : schema.getTypes()) {
          if (fits(value, branch)) {
            return fromRecordModel(value, branch, path);
          }
        }
        throw new IllegalArgumentException(at(path) + "a " + typeOf(value) + " fits no branch of the union "
            + schema.getTypes().stream().map(s -> s.getType().getName()).toList());
      }
      case BOOLEAN:
        if (!(value instanceof Boolean)) {
          throw mismatch(path, "boolean", value);
        }
        return value;
      case INT: {
        long n = integral(value, path, "int");
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
          throw new IllegalArgumentException(at(path) + n + " is out of the range of Avro int");
        }
        return (int) n;
      }
      case LONG:
        if (value instanceof Instant instant && (schema.getLogicalType() instanceof LogicalTypes.TimestampMicros
            || schema.getLogicalType() instanceof LogicalTypes.LocalTimestampMicros)) {
          return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
        }
        return integral(value, path, "long");
      case FLOAT:
        if (!(value instanceof Number n)) {
          throw mismatch(path, "float", value);
        }
        return n.floatValue();
      case DOUBLE:
        if (!(value instanceof Number n)) {
          throw mismatch(path, "double", value);
        }
        return n.doubleValue();
      case STRING:
        if (!(value instanceof String)) {
          throw mismatch(path, "string", value);
        }
        return value;
      case ENUM:
        if (!(value instanceof String s) || !schema.getEnumSymbols().contains(s)) {
          throw new IllegalArgumentException(at(path) + (value instanceof String ? "'" + value + "'" : "a " + typeOf(value))
              + " is not a symbol of enum " + schema.getFullName() + " " + schema.getEnumSymbols());
        }
        return new GenericData.EnumSymbol(schema, s);
      case BYTES:
        if (!(value instanceof byte[] b)) {
          throw mismatch(path, "bytes", value);
        }
        return ByteBuffer.wrap(b);
      case FIXED:
        if (!(value instanceof byte[] f) || f.length != schema.getFixedSize()) {
          throw new IllegalArgumentException(at(path) + "expected " + schema.getFixedSize() + " bytes for fixed "
              + schema.getFullName() + ", found " + (value instanceof byte[] b ? b.length + " bytes" : "a " + typeOf(value)));
        }
        return new GenericData.Fixed(schema, f);
      case ARRAY: {
        if (!(value instanceof List<?> list)) {
          throw mismatch(path, "array", value);
        }
        List<Object> items = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
          items.add(fromRecordModel(list.get(i), schema.getElementType(), path + "[" + i + "]"));
        }
        return new GenericData.Array<>(schema, items);
      }
      case MAP: {
        if (!(value instanceof Map<?, ?> map)) {
          throw mismatch(path, "map", value);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), fromRecordModel(v, schema.getValueType(), path + "." + k)));
        return out;
      }
      case RECORD: {
        if (!(value instanceof Map<?, ?> map)) {
          throw mismatch(path, "record " + schema.getFullName(), value);
        }
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
          String fieldPath = path.isEmpty() ? field.name() : path + "." + field.name();
          if (!map.containsKey(field.name()) && field.hasDefaultValue()) {
            record.put(field.pos(), GenericData.get().getDefaultValue(field));
          } else {
            record.put(field.pos(), fromRecordModel(map.get(field.name()), field.schema(), fieldPath));
          }
        }
        return record;
      }
      default:
        throw new IllegalStateException("Avro type " + schema.getType() + " not handled");
    }
  }

  private static boolean fits(Object value, Schema branch) {
    return switch (branch.getType()) {
      case NULL -> value == null;
      case BOOLEAN -> value instanceof Boolean;
      case INT, LONG -> value instanceof Long || value instanceof Integer || value instanceof Instant;
      case FLOAT, DOUBLE -> value instanceof Number;
      case STRING -> value instanceof String;
      case ENUM -> value instanceof String s && branch.getEnumSymbols().contains(s);
      case BYTES -> value instanceof byte[];
      case FIXED -> value instanceof byte[] b && b.length == branch.getFixedSize();
      case ARRAY -> value instanceof List;
      case MAP, RECORD -> value instanceof Map;
      default -> false;
    };
  }

  private static long integral(Object value, String path, String avroType) {
    if (value instanceof Instant instant) {
      return instant.toEpochMilli(); // timestamp-millis (micros: see case LONG)
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
      return d.longValue();
    }
    throw mismatch(path, avroType, value);
  }

  private static IllegalArgumentException mismatch(String path, String expected, Object value) {
    return new IllegalArgumentException(at(path) + "expected " + expected + ", found a " + typeOf(value));
  }

  private static String at(String path) {
    return path.isEmpty() ? "" : "field " + path + ": ";
  }

  private static String typeOf(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Map) {
      return "map";
    }
    if (value instanceof List) {
      return "list";
    }
    if (value instanceof byte[]) {
      return "bytes";
    }
    return value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }
}
