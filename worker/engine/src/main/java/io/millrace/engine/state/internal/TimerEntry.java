package io.millrace.engine.state.internal;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A timer with its key group and serialized key. The natural order — timestamp, key group, key
 * bytes (unsigned), namespace — is also the byte order of RocksDB timer keys, so both backends
 * fire ties in the same order.
 */
public record TimerEntry(long timestamp, int keyGroup, KeyBytes key, long namespace)
    implements Comparable<TimerEntry> {

  private static final Comparator<TimerEntry> ORDER = Comparator
      .comparingLong(TimerEntry::timestamp)
      .thenComparingInt(TimerEntry::keyGroup)
      .thenComparing((a, b) -> Arrays.compareUnsigned(a.key.bytes(), b.key.bytes()))
      .thenComparingLong(TimerEntry::namespace);

  @Override
  public int compareTo(TimerEntry o) {
    return ORDER.compare(this, o);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimerEntry t && compareTo(t) == 0;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(timestamp) * 31 + key.hashCode() * 17 + Long.hashCode(namespace);
  }
}
