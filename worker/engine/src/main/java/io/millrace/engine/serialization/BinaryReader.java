package io.millrace.engine.serialization;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads what {@link BinaryWriter} wrote, from a slice of a byte array (no copy of the input).
 * Not thread-safe. Reading past the end throws {@link SerializationException} naming the offset.
 */
public final class BinaryReader {

  private byte[] buffer;
  private int position;
  private int limit;

  public BinaryReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  public BinaryReader(byte[] bytes, int offset, int length) {
    reset(bytes, offset, length);
  }

  /** Points this reader at another slice, so one reader can be reused on a hot path. */
  public BinaryReader reset(byte[] bytes, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > bytes.length) {
      throw new IllegalArgumentException(
          "slice " + offset + "+" + length + " outside array of " + bytes.length);
    }
    this.buffer = bytes;
    this.position = offset;
    this.limit = offset + length;
    return this;
  }

  public int position() {
    return position;
  }

  public int remaining() {
    return limit - position;
  }

  public boolean hasRemaining() {
    return position < limit;
  }

  public void skip(int n) {
    require(n);
    position += n;
  }

  public byte readByte() {
    require(1);
    return buffer[position++];
  }

  public int readUnsignedByte() {
    return readByte() & 0xFF;
  }

  public boolean readBoolean() {
    return readByte() != 0;
  }

  public byte[] readBytes(int length) {
    require(length);
    byte[] out = Arrays.copyOfRange(buffer, position, position + length);
    position += length;
    return out;
  }

  public byte[] readLengthPrefixedBytes() {
    return readBytes(readVarInt());
  }

  public int readShort() {
    require(2);
    int v = ((buffer[position] & 0xFF) << 8) | (buffer[position + 1] & 0xFF);
    position += 2;
    return v;
  }

  public int readInt() {
    require(4);
    int v = ((buffer[position] & 0xFF) << 24) | ((buffer[position + 1] & 0xFF) << 16)
        | ((buffer[position + 2] & 0xFF) << 8) | (buffer[position + 3] & 0xFF);
    position += 4;
    return v;
  }

  public long readLong() {
    require(8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (buffer[position++] & 0xFFL);
    }
    return v;
  }

  public long readSortableLong() {
    return readLong() ^ Long.MIN_VALUE;
  }

  public double readDouble() {
    return Double.longBitsToDouble(readLong());
  }

  public int readVarInt() {
    int result = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      byte b = readByte();
      result |= (b & 0x7F) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw new SerializationException("malformed varint ending at offset " + position);
  }

  public long readVarLong() {
    long result = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      byte b = readByte();
      result |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw new SerializationException("malformed varlong ending at offset " + position);
  }

  public long readZigZagLong() {
    long v = readVarLong();
    return (v >>> 1) ^ -(v & 1);
  }

  /** A string written by {@link BinaryWriter#writeString}, decoded straight from the array. */
  public String readString() {
    return readUtf8(readVarInt());
  }

  /** {@code length} bytes of UTF-8 at the current position, decoded without a temp array. */
  public String readUtf8(int length) {
    require(length);
    String s = new String(buffer, position, length, StandardCharsets.UTF_8);
    position += length;
    return s;
  }

  private void require(int n) {
    if (n < 0 || position + n > limit) {
      throw new SerializationException("need " + n + " bytes at offset " + position
          + " but only " + (limit - position) + " remain: truncated or corrupt input");
    }
  }
}
