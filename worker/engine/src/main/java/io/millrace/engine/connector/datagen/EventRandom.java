package io.millrace.engine.connector.datagen;

/**
 * Random numbers for ONE event, derived from (seed, event index) alone: a generator re-seeded per
 * event (SplitMix64) instead of one shared stream, so any subtask can generate any event without
 * generating the ones before it — that is what makes the splits independent and restorable.
 * Mutable and reused per reader (no allocation per event); not thread-safe.
 */
final class EventRandom {

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final long seed;
  private long state;

  EventRandom(long seed) {
    this.seed = seed;
  }

  /** Positions the generator at the start of event {@code index}'s numbers. */
  EventRandom at(long index) {
    state = mix(seed ^ mix(index * GOLDEN + 0x632BE59BD9B4E019L));
    return this;
  }

  long nextLong() {
    state += GOLDEN;
    return mix(state);
  }

  /** Uniform in [0, bound). */
  int nextInt(int bound) {
    return (int) ((nextLong() >>> 33) % bound);
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
