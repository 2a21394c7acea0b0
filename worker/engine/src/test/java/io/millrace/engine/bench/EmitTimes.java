package io.millrace.engine.bench;

import io.millrace.engine.connector.datagen.EmissionListener;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Emit times of the sampled event indices, from the source to the latency sink. Only every
 * {@code sampleEvery}-th index goes through here (a power of two), so the job itself is not slowed
 * by the measurement; entries are removed when the sink sees the record.
 */
final class EmitTimes implements EmissionListener {

  final long sampleEvery;
  private final ConcurrentHashMap<Long, Long> nanosByIndex = new ConcurrentHashMap<>();

  EmitTimes(long sampleEvery) {
    this.sampleEvery = sampleEvery;
  }

  @Override
  public void emitted(long eventIndex, long nanoTime) {
    nanosByIndex.put(eventIndex, nanoTime);
  }

  /** The emit time of a sampled index, once; null when unknown or already taken. */
  Long take(long eventIndex) {
    return nanosByIndex.remove(eventIndex);
  }
}
