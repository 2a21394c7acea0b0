package io.millrace.engine.state.internal;

import java.util.Arrays;

/**
 * A serialized key with value equality, so that keys whose Java objects have identity equality
 * ({@code byte[]}) or differing types for one value ({@code Integer} vs {@code Long}) still meet.
 * The hash is computed once: heap state looks a key up in two maps per access.
 */
public final class KeyBytes implements Comparable<KeyBytes> {

  private final byte[] bytes;
  private final Object key;
  private final int hash;

  /**
   * @param bytes the deterministic serialized form (never mutated afterwards)
   * @param key the key object it came from (or was decoded to)
   */
  public KeyBytes(byte[] bytes, Object key) {
    this.bytes = bytes;
    this.key = key;
    this.hash = Arrays.hashCode(bytes);
  }

  public byte[] bytes() {
    return bytes;
  }

  public Object key() {
    return key;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyBytes other && hash == other.hash && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** Unsigned byte-wise order: the order RocksDB keeps keys in. */
  @Override
  public int compareTo(KeyBytes o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return String.valueOf(key);
  }
}
