package io.millrace.engine.operators.window;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * In-heap partial accumulator rows per (key, slice) collected between two flushes, so that a burst
 * of records of one key touches the state backend once instead of once per record (RocksDB: one
 * get + put per key and slice per flush, not per record). Flushed before any window of the
 * operator fires, at every watermark, before every checkpoint barrier, and when it holds
 * {@link #capacity()} entries, so it never holds data a firing window or a snapshot needs.
 * Insertion-ordered: flushes are deterministic.
 */
final class SliceBuffer {

  /** One buffered entry's address. */
  record SliceKey(Object key, long sliceEnd) {}

  private final LinkedHashMap<SliceKey, Object[]> rows = new LinkedHashMap<>();
  private final java.util.HashSet<SliceKey> timersRegistered = new java.util.HashSet<>();
  private final int capacity;

  SliceBuffer(int capacity) {
    this.capacity = capacity;
  }

  int capacity() {
    return capacity;
  }

  /**
   * True the first time a (key, slice) is seen since the cache was last cleared: only then are its
   * window timers registered (they are in state and deduplicated there, so the cache only saves the
   * backend lookups; it is cleared when it reaches 16 × capacity entries and starts empty after a
   * restore, which merely re-registers existing timers).
   */
  boolean firstSighting(SliceKey key) {
    if (timersRegistered.contains(key)) {
      return false;
    }
    if (timersRegistered.size() >= 16 * capacity) {
      timersRegistered.clear();
    }
    timersRegistered.add(key);
    return true;
  }

  Object[] get(SliceKey key) {
    return rows.get(key);
  }

  void put(SliceKey key, Object[] row) {
    rows.put(key, row);
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  boolean isFull() {
    return rows.size() >= capacity;
  }

  /** Hands every entry to {@code sink} in insertion order and empties the buffer. */
  void drain(java.util.function.BiConsumer<SliceKey, Object[]> sink) {
    for (Map.Entry<SliceKey, Object[]> entry : rows.entrySet()) {
      sink.accept(entry.getKey(), entry.getValue());
    }
    rows.clear();
  }
}
