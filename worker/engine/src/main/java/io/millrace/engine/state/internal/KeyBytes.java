package io.millrace.engine.state.internal;

import java.util.Arrays;

/**
 * A serialized key with value equality, so that keys whose Java objects have identity equality
 * ({@code byte[]}) or differing types for one value ({@code Integer} vs {@code Long}) still meet.
 *
 * @param bytes the deterministic serialized form (never mutated)
 * @param key the key object it came from (or was decoded to)
 */
public record KeyBytes(byte[] bytes, Object key) implements Comparable<KeyBytes> {

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyBytes other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
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
