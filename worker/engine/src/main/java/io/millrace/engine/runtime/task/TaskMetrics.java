package io.millrace.engine.runtime.task;

import java.util.concurrent.atomic.LongAdder;

/**
 * Where a task's time goes (DESIGN.md §8.3): BUSY processing, IDLE waiting for input, BACKPRESSURED
 * waiting on a full output channel. Busy time excludes backpressured time. Written by the task
 * thread, read by anyone.
 */
public final class TaskMetrics {

  private final LongAdder idleNanos = new LongAdder();
  private final LongAdder backpressuredNanos = new LongAdder();
  private final LongAdder recordsIn = new LongAdder();
  private final long startNanos = System.nanoTime();
  private volatile long endNanos;

  void idle(long nanos) {
    idleNanos.add(nanos);
  }

  /** Also the channels' {@link io.millrace.engine.runtime.exchange.BackpressureListener}. */
  public void backpressured(long nanos) {
    backpressuredNanos.add(nanos);
  }

  void recordIn() {
    recordsIn.increment();
  }

  void stopped() {
    endNanos = System.nanoTime();
  }

  public long idleNanos() {
    return idleNanos.sum();
  }

  public long backpressuredNanos() {
    return backpressuredNanos.sum();
  }

  public long recordsIn() {
    return recordsIn.sum();
  }

  /** Wall time minus idle minus backpressured. */
  public long busyNanos() {
    long end = endNanos == 0 ? System.nanoTime() : endNanos;
    return Math.max(0, end - startNanos - idleNanos() - backpressuredNanos());
  }

  /** Share of time spent backpressured, 0..1 (what the console ranks bottlenecks by). */
  public double backpressureRatio() {
    long end = endNanos == 0 ? System.nanoTime() : endNanos;
    long total = Math.max(1, end - startNanos);
    return (double) backpressuredNanos() / total;
  }

  @Override
  public String toString() {
    return "busy=" + busyNanos() / 1_000_000 + "ms idle=" + idleNanos() / 1_000_000 + "ms backpressured="
        + backpressuredNanos() / 1_000_000 + "ms in=" + recordsIn();
  }
}
