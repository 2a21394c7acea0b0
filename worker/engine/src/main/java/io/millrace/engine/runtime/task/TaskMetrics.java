package io.millrace.engine.runtime.task;

import java.util.concurrent.atomic.LongAdder;

/**
 * Where a task's time goes (DESIGN.md §8.3): BUSY processing, IDLE waiting for input, BACKPRESSURED
 * waiting on a full output channel. Busy time excludes backpressured time. Also the records that came
 * in and went out, and the task's current watermark. Written by the task thread, read by anyone.
 *
 * <p>Records OUT are the records that left the task: handed to its outgoing exchanges (once per record,
 * whatever the number of edges or consumers it goes to, side outputs included) or written by a chained
 * sink. Records dropped inside the chain (filtered, or a side output nobody reads) never count.
 */
public final class TaskMetrics {

  /** {@link #currentWatermark()} before the task saw (or, a source task, generated) any watermark. */
  public static final long NO_WATERMARK = Long.MIN_VALUE;

  private final LongAdder idleNanos = new LongAdder();
  private final LongAdder backpressuredNanos = new LongAdder();
  private final LongAdder recordsIn = new LongAdder();
  private final LongAdder recordsOut = new LongAdder();
  private volatile long watermark = NO_WATERMARK;
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

  void recordOut() {
    recordsOut.increment();
  }

  /** The watermark the task's head operator got (a source task: the one it generated). */
  void watermark(long value) {
    watermark = value;
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

  public long recordsOut() {
    return recordsOut.sum();
  }

  /**
   * The task's input watermark (event time, epoch millis): the minimum over its active input channels,
   * or what a source task generated. {@link #NO_WATERMARK} before the first; {@code Long.MAX_VALUE}
   * once its input ended.
   */
  public long currentWatermark() {
    return watermark;
  }

  /** {@link System#nanoTime()} when the task was built: where its idle, backpressured and busy time start. */
  public long startNanos() {
    return startNanos;
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
        + backpressuredNanos() / 1_000_000 + "ms in=" + recordsIn() + " out=" + recordsOut();
  }
}
