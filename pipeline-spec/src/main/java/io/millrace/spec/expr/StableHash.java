package io.millrace.spec.expr;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A hash of record-model values that is the same on every JVM, every run and every version: it
 * decides which key group (and so which subtask and which piece of checkpointed state) a key
 * belongs to, and backs the {@code hash64} expression function. Never use {@link
 * Object#hashCode()} for that: byte arrays and some maps hash by identity or by JVM detail.
 *
 * <p>The function is MurmurHash3 x64/128 with seed 0, first 64 bits (what most libraries call
 * {@code murmur3_128(...).asLong()}), over a canonical encoding: a string hashes its UTF-8 bytes,
 * bytes hash themselves, an int hashes its 8 little-endian bytes; other values (bool, double,
 * timestamp, lists, maps, null) hash a tagged encoding described in docs/expressions.md.
 */
public final class StableHash {

  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private StableHash() {}

  /** Stable 64-bit hash of a record-model value (see class comment for the encoding). */
  public static long hash64(Object value) {
    if (value instanceof String s) {
      return murmur3(s.getBytes(StandardCharsets.UTF_8));
    }
    if (value instanceof byte[] bytes) {
      return murmur3(bytes);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      return murmur3(littleEndian(((Number) value).longValue()));
    }
    if (value instanceof dev.cel.common.values.CelByteString bytes) {
      return murmur3(bytes.toByteArray());
    }
    var out = new java.io.ByteArrayOutputStream();
    encode(value, out);
    return murmur3(out.toByteArray());
  }

  /** MurmurHash3 x64/128 (seed 0) of the bytes, first 64 bits. */
  public static long murmur3(byte[] data) {
    long h1 = 0;
    long h2 = 0;
    int blocks = data.length / 16;
    for (int i = 0; i < blocks; i++) {
      long k1 = readLong(data, i * 16);
      long k2 = readLong(data, i * 16 + 8);
      h1 ^= mixK1(k1);
      h1 = Long.rotateLeft(h1, 27) + h2;
      h1 = h1 * 5 + 0x52dce729;
      h2 ^= mixK2(k2);
      h2 = Long.rotateLeft(h2, 31) + h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    int tail = blocks * 16;
    int rest = data.length - tail;
    long k1 = 0;
    long k2 = 0;
    for (int i = rest - 1; i >= 8; i--) {
      k2 ^= (data[tail + i] & 0xffL) << ((i - 8) * 8);
    }
    if (rest > 8) {
      h2 ^= mixK2(k2);
    }
    for (int i = Math.min(rest, 8) - 1; i >= 0; i--) {
      k1 ^= (data[tail + i] & 0xffL) << (i * 8);
    }
    if (rest > 0) {
      h1 ^= mixK1(k1);
    }
    h1 ^= data.length;
    h2 ^= data.length;
    h1 += h2;
    h2 += h1;
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 += h2;
    return h1;
  }

  /** MurmurHash3's 32-bit finalizer: spreads the bits of an int (used to pick key groups). */
  public static int fmix32(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  private static long mixK1(long k1) {
    return Long.rotateLeft(k1 * C1, 31) * C2;
  }

  private static long mixK2(long k2) {
    return Long.rotateLeft(k2 * C2, 33) * C1;
  }

  private static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  private static long readLong(byte[] data, int at) {
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (data[at + i] & 0xffL);
    }
    return value;
  }

  private static byte[] littleEndian(long value) {
    byte[] bytes = new byte[8];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (value >>> (8 * i));
    }
    return bytes;
  }

  // Tagged encoding for composite and less common values; tags keep "1" and 1 and [1] apart.
  private static void encode(Object value, java.io.ByteArrayOutputStream out) {
    if (value == null || value instanceof dev.cel.common.values.NullValue) {
      out.write('n');
    } else if (value instanceof String s) {
      writeTagged(out, 's', s.getBytes(StandardCharsets.UTF_8));
    } else if (value instanceof byte[] bytes) {
      writeTagged(out, 'b', bytes);
    } else if (value instanceof dev.cel.common.values.CelByteString bytes) {
      writeTagged(out, 'b', bytes.toByteArray());
    } else if (value instanceof Boolean b) {
      out.write(b ? 'T' : 'F');
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      // -0.0 == 0.0 in CEL, so they must land in the same key group.
      out.write('d');
      out.writeBytes(littleEndian(Double.doubleToLongBits(d == 0.0 ? 0.0 : d)));
    } else if (value instanceof Number n) {
      out.write('i');
      out.writeBytes(littleEndian(n.longValue()));
    } else if (value instanceof java.time.Instant t) {
      out.write('t');
      out.writeBytes(littleEndian(t.getEpochSecond()));
      out.writeBytes(littleEndian(t.getNano()));
    } else if (value instanceof java.time.Duration d) {
      out.write('D');
      out.writeBytes(littleEndian(d.getSeconds()));
      out.writeBytes(littleEndian(d.getNano()));
    } else if (value instanceof List<?> list) {
      out.write('[');
      out.writeBytes(littleEndian(list.size()));
      list.forEach(element -> encode(element, out));
    } else if (value instanceof Map<?, ?> map) {
      // Order-independent: a map's hash must not depend on insertion order.
      long sum = 0;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        var pair = new java.io.ByteArrayOutputStream();
        encode(entry.getKey(), pair);
        encode(entry.getValue(), pair);
        sum += murmur3(pair.toByteArray());
      }
      out.write('{');
      out.writeBytes(littleEndian(map.size()));
      out.writeBytes(littleEndian(sum));
    } else {
      writeTagged(out, '?', String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void writeTagged(java.io.ByteArrayOutputStream out, char tag, byte[] bytes) {
    out.write(tag);
    out.writeBytes(littleEndian(bytes.length));
    out.writeBytes(bytes);
  }
}
