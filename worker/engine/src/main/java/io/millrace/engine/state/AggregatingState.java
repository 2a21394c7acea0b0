package io.millrace.engine.state;

/**
 * An accumulator per key and namespace, maintained with the descriptor's {@link
 * AggregateFunction}: {@code add} folds an input into the stored accumulator.
 */
public interface AggregatingState<IN, OUT> extends MergingState {

  /** The result for the stored accumulator, or {@code null} when nothing was added. */
  OUT get();

  void add(IN value);
}
