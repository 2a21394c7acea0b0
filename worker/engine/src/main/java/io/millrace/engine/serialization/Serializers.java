package io.millrace.engine.serialization;

import java.util.ArrayList;
import java.util.List;

/**
 * Built-in {@link ValueSerializer}s. All are deterministic (usable for keys) except {@link
 * #RECORD}, whose maps keep insertion order — use {@link #KEY} for record-model keys.
 *
 * <p>None accepts {@code null} except {@link #RECORD} and {@link #KEY}: state treats "no value" as
 * absence, not as a stored null.
 */
public final class Serializers {

  private Serializers() {}

  /** Zig-zag varint longs. */
  public static final ValueSerializer<Long> LONG = new Simple<>(1) {
    @Override
    public void serialize(Long value, BinaryWriter out) {
      out.writeZigZagLong(value);
    }

    @Override
    public Long deserialize(BinaryReader in) {
      return in.readZigZagLong();
    }
  };

  /** 8-byte IEEE 754 doubles. */
  public static final ValueSerializer<Double> DOUBLE = new Simple<>(1) {
    @Override
    public void serialize(Double value, BinaryWriter out) {
      out.writeDouble(value);
    }

    @Override
    public Double deserialize(BinaryReader in) {
      return in.readDouble();
    }
  };

  /** Varint-length UTF-8 strings. */
  public static final ValueSerializer<String> STRING = new Simple<>(1) {
    @Override
    public void serialize(String value, BinaryWriter out) {
      out.writeString(value);
    }

    @Override
    public String deserialize(BinaryReader in) {
      return in.readString();
    }
  };

  /** One byte. */
  public static final ValueSerializer<Boolean> BOOLEAN = new Simple<>(1) {
    @Override
    public void serialize(Boolean value, BinaryWriter out) {
      out.writeBoolean(value);
    }

    @Override
    public Boolean deserialize(BinaryReader in) {
      return in.readBoolean();
    }
  };

  /** Any record-model value via {@link RecordCodec#encode} (map field order kept). */
  public static final ValueSerializer<Object> RECORD = new Simple<>(1) {
    @Override
    public void serialize(Object value, BinaryWriter out) {
      RecordCodec.encode(value, out);
    }

    @Override
    public Object deserialize(BinaryReader in) {
      return RecordCodec.decode(in);
    }
  };

  /** Record-model keys via {@link RecordCodec#encodeKey}: deterministic bytes. */
  public static final ValueSerializer<Object> KEY = new Simple<>(1) {
    @Override
    public void serialize(Object value, BinaryWriter out) {
      RecordCodec.encodeKey(value, out);
    }

    @Override
    public Object deserialize(BinaryReader in) {
      return RecordCodec.decode(in);
    }
  };

  /**
   * Lists of {@code element}: varint count, then the elements. Its version is derived from the
   * element serializer's version, so changing the element format changes the list's version.
   */
  public static <T> ValueSerializer<List<T>> listOf(ValueSerializer<T> element) {
    return new ListSerializer<>(element);
  }

  private abstract static class Simple<T> implements ValueSerializer<T> {
    private final int version;

    Simple(int version) {
      this.version = version;
    }

    @Override
    public int version() {
      return version;
    }
  }

  private record ListSerializer<T>(ValueSerializer<T> element) implements ValueSerializer<List<T>> {
    @Override
    public void serialize(List<T> value, BinaryWriter out) {
      out.writeVarInt(value.size());
      for (T t : value) {
        element.serialize(t, out);
      }
    }

    @Override
    public List<T> deserialize(BinaryReader in) {
      int size = in.readVarInt();
      List<T> list = new ArrayList<>(Math.min(size, 1024));
      for (int i = 0; i < size; i++) {
        list.add(element.deserialize(in));
      }
      return list;
    }

    @Override
    public int version() {
      return 1000 + element.version();
    }
  }
}
