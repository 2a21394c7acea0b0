package io.millrace.engine.state;

/** A single value per key and namespace, combined with the descriptor's reduce function on add. */
public interface ReducingState<T> extends MergingState {

  /** The reduced value, or {@code null} when nothing was added. */
  T get();

  void add(T value);
}
