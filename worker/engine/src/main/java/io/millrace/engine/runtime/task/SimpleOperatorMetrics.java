package io.millrace.engine.runtime.task;

import io.millrace.engine.api.OperatorMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** In-memory metrics of one operator subtask; the worker's reporter reads {@link #snapshot()}. */
public final class SimpleOperatorMetrics implements OperatorMetrics {

  private final Map<String, CounterImpl> counters = new ConcurrentHashMap<>();
  private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();

  @Override
  public Counter counter(String name) {
    return counters.computeIfAbsent(name, n -> new CounterImpl());
  }

  @Override
  public void gauge(String name, LongSupplier value) {
    gauges.put(name, value);
  }

  /** Every counter and gauge now. */
  public Map<String, Long> snapshot() {
    Map<String, Long> values = new java.util.TreeMap<>();
    counters.forEach((n, c) -> values.put(n, c.count()));
    gauges.forEach((n, g) -> values.put(n, g.getAsLong()));
    return values;
  }

  private static final class CounterImpl implements Counter {
    private final LongAdder adder = new LongAdder();

    @Override
    public void inc() {
      adder.increment();
    }

    @Override
    public void inc(long n) {
      adder.add(n);
    }

    @Override
    public long count() {
      return adder.sum();
    }
  }
}
