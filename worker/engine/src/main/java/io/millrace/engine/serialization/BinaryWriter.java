package io.millrace.engine.serialization;

import java.util.Arrays;

/**
 * Appends binary data to a growable byte array. Not thread-safe; meant to be reused
 * ({@link #reset()}) on hot paths so that serializing a record allocates nothing in steady state.
 *
 * <p>Encodings: varints are unsigned LEB128 (7 bits per byte, low bits first); signed longs use
 * zig-zag then varint; fixed-width numbers are big-endian (so that, with the sign bit flipped,
 * they sort byte-wise — see {@link #writeSortableLong}); strings are a varint byte length followed
 * by UTF-8, encoded straight into the buffer.
 */
public final class BinaryWriter {

  private byte[] buffer;
  private int position;

  public BinaryWriter() {
    this(64);
  }

  public BinaryWriter(int initialCapacity) {
    this.buffer = new byte[Math.max(8, initialCapacity)];
  }

  /** Number of bytes written so far. */
  public int position() {
    return position;
  }

  /** Forgets the written bytes, keeping the buffer. */
  public void reset() {
    position = 0;
  }

  /** Moves the write position back (to truncate to an earlier {@link #position()}). */
  public void truncate(int newPosition) {
    if (newPosition < 0 || newPosition > position) {
      throw new IllegalArgumentException("cannot truncate to " + newPosition + " of " + position);
    }
    position = newPosition;
  }

  /** The internal buffer; valid bytes are {@code [0, position())}. Do not keep it across writes. */
  public byte[] buffer() {
    return buffer;
  }

  /** A copy of the written bytes. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, position);
  }

  public BinaryWriter writeByte(int b) {
    ensure(1);
    buffer[position++] = (byte) b;
    return this;
  }

  public BinaryWriter writeBoolean(boolean b) {
    return writeByte(b ? 1 : 0);
  }

  public BinaryWriter writeBytes(byte[] bytes) {
    return writeBytes(bytes, 0, bytes.length);
  }

  public BinaryWriter writeBytes(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buffer, position, length);
    position += length;
    return this;
  }

  /** Varint length followed by the bytes. */
  public BinaryWriter writeLengthPrefixedBytes(byte[] bytes) {
    writeVarInt(bytes.length);
    return writeBytes(bytes);
  }

  /** Big-endian 2 bytes. */
  public BinaryWriter writeShort(int v) {
    ensure(2);
    buffer[position++] = (byte) (v >>> 8);
    buffer[position++] = (byte) v;
    return this;
  }

  /** Big-endian 4 bytes. */
  public BinaryWriter writeInt(int v) {
    ensure(4);
    buffer[position++] = (byte) (v >>> 24);
    buffer[position++] = (byte) (v >>> 16);
    buffer[position++] = (byte) (v >>> 8);
    buffer[position++] = (byte) v;
    return this;
  }

  /** Big-endian 8 bytes. */
  public BinaryWriter writeLong(long v) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buffer[position++] = (byte) (v >>> shift);
    }
    return this;
  }

  /**
   * Big-endian 8 bytes with the sign bit flipped, so that byte-wise (unsigned) comparison orders
   * values like signed longs — timer timestamps and namespaces in RocksDB keys rely on it.
   */
  public BinaryWriter writeSortableLong(long v) {
    return writeLong(v ^ Long.MIN_VALUE);
  }

  public BinaryWriter writeDouble(double v) {
    return writeLong(Double.doubleToRawLongBits(v));
  }

  /** Unsigned LEB128 of an int (negative values take 5 bytes). */
  public BinaryWriter writeVarInt(int v) {
    ensure(5);
    while ((v & ~0x7F) != 0) {
      buffer[position++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buffer[position++] = (byte) v;
    return this;
  }

  /** Unsigned LEB128 of a long (negative values take 10 bytes). */
  public BinaryWriter writeVarLong(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buffer[position++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buffer[position++] = (byte) v;
    return this;
  }

  /** Zig-zag varint: small magnitudes, positive or negative, take few bytes. */
  public BinaryWriter writeZigZagLong(long v) {
    return writeVarLong((v << 1) ^ (v >> 63));
  }

  /** Varint UTF-8 byte length, then UTF-8 written directly into the buffer (no temp array). */
  public BinaryWriter writeString(String s) {
    int chars = s.length();
    int utf8Length = utf8Length(s, chars);
    writeVarInt(utf8Length);
    ensure(utf8Length);
    if (utf8Length == chars) {
      for (int i = 0; i < chars; i++) {
        buffer[position++] = (byte) s.charAt(i);
      }
      return this;
    }
    encodeUtf8(s, chars);
    return this;
  }

  private void encodeUtf8(String s, int chars) {
    byte[] b = buffer;
    int p = position;
    for (int i = 0; i < chars; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        b[p++] = (byte) c;
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < chars
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        b[p++] = (byte) (0xF0 | (cp >> 18));
        b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(c)) {
        b[p++] = (byte) '?'; // lone surrogate: same replacement as String.getBytes(UTF_8)
      } else {
        b[p++] = (byte) (0xE0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    position = p;
  }

  /** UTF-8 length of a string, with the same lone-surrogate rule as {@link #encodeUtf8}. */
  static int utf8Length(String s, int chars) {
    int length = chars;
    for (int i = 0; i < chars; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          length += 1;
        } else if (Character.isHighSurrogate(c) && i + 1 < chars
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          length += 2; // 4 bytes for 2 chars
          i++;
        } else if (!Character.isSurrogate(c)) {
          length += 2;
        }
      }
    }
    return length;
  }

  private void ensure(int extra) {
    int needed = position + extra;
    if (needed > buffer.length) {
      int grown = Math.max(needed, buffer.length + (buffer.length >> 1));
      buffer = Arrays.copyOf(buffer, grown);
    }
  }
}
