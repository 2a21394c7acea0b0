package io.millrace.engine.api;

import java.util.function.LongSupplier;

/**
 * Metrics of one operator subtask; names are local to the operator (the runtime prefixes node id and
 * subtask). Counters are updated from the task thread only and read from any thread.
 */
public interface OperatorMetrics {

  /** A counter, created on first use; the same name returns the same counter. */
  Counter counter(String name);

  /** A gauge read when metrics are reported (from another thread: the supplier must be thread-safe). */
  void gauge(String name, LongSupplier value);

  /** A monotonically increasing count. */
  interface Counter {
    void inc();

    void inc(long n);

    long count();
  }
}
