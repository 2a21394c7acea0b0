package io.millrace.engine.connector.datagen;

/**
 * Told when the source hands a record of a sampled event index to the runtime (benchmarks: the
 * emit time of the event, for end-to-end latency measured at a sink). Called from source task
 * threads; must be cheap and thread-safe.
 */
@FunctionalInterface
public interface EmissionListener {

  EmissionListener NONE = (index, nanoTime) -> {};

  void emitted(long eventIndex, long nanoTime);
}
