package io.millrace.engine.state.internal;

import io.millrace.engine.serialization.BinaryReader;
import io.millrace.engine.serialization.BinaryWriter;
import io.millrace.engine.serialization.ValueSerializer;
import java.util.ArrayList;
import java.util.List;

/**
 * Byte layout of stored values, identical in heap snapshots and RocksDB rows:
 *
 * <ul>
 *   <li>single values: {@code [expiry:8 if TTL] serialized value};
 *   <li>lists: the concatenation of elements, each {@code [expiry:8 if TTL] serialized element}
 *       (so appending is a RocksDB merge with an empty delimiter; serializers are self-delimiting).
 * </ul>
 *
 * The expiry is an epoch-ms timestamp, big-endian.
 */
public final class StoredValues {

  private StoredValues() {}

  /** A value with its expiry, as kept in heap state when the state has a TTL. */
  public record TtlValue(Object value, long expiresAt) {
    public boolean expired(long now) {
      return expiresAt <= now;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void writeElement(ValueSerializer serializer, boolean ttl, Object stored,
      BinaryWriter out) {
    if (ttl) {
      TtlValue t = (TtlValue) stored;
      out.writeLong(t.expiresAt());
      serializer.serialize(t.value(), out);
    } else {
      serializer.serialize(stored, out);
    }
  }

  /** Reads one element; returns a {@link TtlValue} when {@code ttl}. */
  public static Object readElement(ValueSerializer<?> serializer, boolean ttl, BinaryReader in) {
    if (ttl) {
      long expiresAt = in.readLong();
      return new TtlValue(serializer.deserialize(in), expiresAt);
    }
    return serializer.deserialize(in);
  }

  /** Reads a concatenated list of elements. */
  public static List<Object> readElements(ValueSerializer<?> serializer, boolean ttl,
      byte[] bytes) {
    BinaryReader in = new BinaryReader(bytes);
    List<Object> out = new ArrayList<>();
    while (in.hasRemaining()) {
      out.add(readElement(serializer, ttl, in));
    }
    return out;
  }

  public static byte[] toBytes(ValueSerializer<?> serializer, boolean ttl, Object stored) {
    BinaryWriter out = new BinaryWriter(32);
    writeElement(serializer, ttl, stored, out);
    return out.toByteArray();
  }

  public static Object fromBytes(ValueSerializer<?> serializer, boolean ttl, byte[] bytes) {
    return readElement(serializer, ttl, new BinaryReader(bytes));
  }
}
