package io.millrace.engine.runtime.exchange;

/** Told how long a producer waited on a full channel (the task's backpressured time, DESIGN.md §8.3). */
@FunctionalInterface
public interface BackpressureListener {

  void backpressured(long nanos);

  BackpressureListener NONE = nanos -> {};
}
