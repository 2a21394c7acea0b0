package io.millrace.engine.serialization;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes the record model of pipeline-spec/docs/expressions.md ({@code Map<String,?>}, String,
 * Long, Double, Boolean, byte[], Instant, Duration, List, null) with one tag byte per value.
 *
 * <p>Layout (tag, then payload):
 *
 * <pre>
 *   0x00 null          0x01 false         0x02 true
 *   0x03 long          zig-zag varint
 *   0x04 double        8 bytes big-endian IEEE 754
 *   0x05 string        varint UTF-8 length, UTF-8
 *   0x06 bytes         varint length, bytes
 *   0x07 instant       zig-zag varint epoch seconds, varint nanos
 *   0x08 duration      zig-zag varint seconds, varint nanos
 *   0x09 list          varint count, values
 *   0x0A map           varint field count, (varint-length UTF-8 name, value) pairs
 *   0x40..0x7F         short string: UTF-8 length = tag − 0x40 (0..63), UTF-8 (no length varint)
 *   0x80..0xFF         small int: value = tag − 0x80 − 32 (−32..95), no payload
 * </pre>
 *
 * <p>Integers, shorts, bytes and in-range BigIntegers are written as longs, floats and BigDecimals
 * as doubles (the record model normalises them the same way); decoding yields Long / Double,
 * {@link ArrayList} and {@link LinkedHashMap} (field order kept).
 *
 * <p>{@link #encodeKey} is the deterministic variant for state keys: map fields sorted by name,
 * so equal keys always give equal bytes whatever the map's iteration order.
 */
public final class RecordCodec {

  static final int NULL = 0x00;
  static final int FALSE = 0x01;
  static final int TRUE = 0x02;
  static final int LONG = 0x03;
  static final int DOUBLE = 0x04;
  static final int STRING = 0x05;
  static final int BYTES = 0x06;
  static final int INSTANT = 0x07;
  static final int DURATION = 0x08;
  static final int LIST = 0x09;
  static final int MAP = 0x0A;
  static final int SHORT_STRING = 0x40;
  static final int SHORT_STRING_MAX = 63;
  static final int SMALL_INT = 0x80;
  static final int SMALL_INT_MIN = -32;
  static final int SMALL_INT_MAX = 95;

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private RecordCodec() {}

  /** Appends a record-model value. */
  public static void encode(Object value, BinaryWriter out) {
    write(value, out, false);
  }

  /** Appends a record-model value with map fields sorted by name: same key → same bytes. */
  public static void encodeKey(Object value, BinaryWriter out) {
    write(value, out, true);
  }

  /** Reads one value at the reader's position. */
  public static Object decode(BinaryReader in) {
    int tag = in.readUnsignedByte();
    if (tag >= SMALL_INT) {
      return (long) (tag - SMALL_INT + SMALL_INT_MIN);
    }
    if (tag >= SHORT_STRING) {
      return in.readUtf8(tag - SHORT_STRING);
    }
    return switch (tag) {
      case NULL -> null;
      case FALSE -> Boolean.FALSE;
      case TRUE -> Boolean.TRUE;
      case LONG -> in.readZigZagLong();
      case DOUBLE -> in.readDouble();
      case STRING -> in.readString();
      case BYTES -> in.readLengthPrefixedBytes();
      case INSTANT -> Instant.ofEpochSecond(in.readZigZagLong(), in.readVarInt());
      case DURATION -> Duration.ofSeconds(in.readZigZagLong(), in.readVarInt());
      case LIST -> readList(in);
      case MAP -> readMap(in);
      default -> throw new SerializationException("unknown record tag 0x"
          + Integer.toHexString(tag) + " at offset " + (in.position() - 1));
    };
  }

  private static List<Object> readList(BinaryReader in) {
    int size = in.readVarInt();
    List<Object> list = new ArrayList<>(Math.min(size, 1024));
    for (int i = 0; i < size; i++) {
      list.add(decode(in));
    }
    return list;
  }

  private static Map<String, Object> readMap(BinaryReader in) {
    int size = in.readVarInt();
    Map<String, Object> map = new LinkedHashMap<>(Math.min(size, 1024) * 4 / 3 + 1);
    for (int i = 0; i < size; i++) {
      String name = in.readString();
      map.put(name, decode(in));
    }
    return map;
  }

  private static void write(Object value, BinaryWriter out, boolean sortMaps) {
    if (value == null) {
      out.writeByte(NULL);
    } else if (value instanceof String s) {
      writeString(s, out);
    } else if (value instanceof Long l) {
      writeLong(l, out);
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      writeLong(((Number) value).longValue(), out);
    } else if (value instanceof Double d) {
      out.writeByte(DOUBLE).writeDouble(d);
    } else if (value instanceof Float f) {
      out.writeByte(DOUBLE).writeDouble(f.doubleValue());
    } else if (value instanceof Boolean b) {
      out.writeByte(b ? TRUE : FALSE);
    } else if (value instanceof Map<?, ?> map) {
      writeMap(map, out, sortMaps);
    } else if (value instanceof List<?> list) {
      out.writeByte(LIST).writeVarInt(list.size());
      for (Object element : list) {
        write(element, out, sortMaps);
      }
    } else if (value instanceof byte[] bytes) {
      out.writeByte(BYTES).writeLengthPrefixedBytes(bytes);
    } else if (value instanceof Instant i) {
      out.writeByte(INSTANT).writeZigZagLong(i.getEpochSecond()).writeVarInt(i.getNano());
    } else if (value instanceof Duration d) {
      out.writeByte(DURATION).writeZigZagLong(d.getSeconds()).writeVarInt(d.getNano());
    } else if (value instanceof BigInteger big) {
      if (big.compareTo(LONG_MIN) < 0 || big.compareTo(LONG_MAX) > 0) {
        throw new SerializationException("integer " + big + " is outside the 64-bit range of"
            + " the record model; convert it to a string or double upstream");
      }
      writeLong(big.longValue(), out);
    } else if (value instanceof BigDecimal dec) {
      out.writeByte(DOUBLE).writeDouble(dec.doubleValue());
    } else {
      throw new SerializationException("value of type " + value.getClass().getName()
          + " is not part of the record model (see pipeline-spec/docs/expressions.md)");
    }
  }

  private static void writeLong(long v, BinaryWriter out) {
    if (v >= SMALL_INT_MIN && v <= SMALL_INT_MAX) {
      out.writeByte((int) (SMALL_INT + v - SMALL_INT_MIN));
    } else {
      out.writeByte(LONG).writeZigZagLong(v);
    }
  }

  private static void writeString(String s, BinaryWriter out) {
    int chars = s.length();
    if (chars <= SHORT_STRING_MAX) {
      int utf8 = BinaryWriter.utf8Length(s, chars);
      if (utf8 <= SHORT_STRING_MAX) {
        // Write the tag, then reuse writeString's encoder and drop its one-byte length varint.
        int tagAt = out.position();
        out.writeString(s);
        byte[] buf = out.buffer();
        buf[tagAt] = (byte) (SHORT_STRING + utf8);
        return;
      }
    }
    out.writeByte(STRING).writeString(s);
  }

  private static void writeMap(Map<?, ?> map, BinaryWriter out, boolean sorted) {
    out.writeByte(MAP).writeVarInt(map.size());
    if (sorted && map.size() > 1) {
      Object[] names = map.keySet().toArray();
      for (Object name : names) {
        requireStringName(name);
      }
      Arrays.sort(names);
      for (Object name : names) {
        out.writeString((String) name);
        write(map.get(name), out, true);
      }
      return;
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      requireStringName(e.getKey());
      out.writeString((String) e.getKey());
      write(e.getValue(), out, sorted);
    }
  }

  private static void requireStringName(Object name) {
    if (!(name instanceof String)) {
      throw new SerializationException("record maps have string field names, found "
          + (name == null ? "null" : name.getClass().getSimpleName()) + " name " + name);
    }
  }
}
