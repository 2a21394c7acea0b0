package io.millrace.engine.runtime.exchange;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One bounded queue of {@link Batch}es from one producer subtask to one consumer subtask. Memory is
 * bounded by {@code capacity} batches; a producer finding it full waits (backpressure) until the
 * consumer takes a batch, or until the channel is closed (cancellation) or failed (its network stream
 * broke: both ends then fail with {@link ChannelFailedException}).
 *
 * <p>A channel whose other end is remote gets a {@link #onTaken taken hook} (the consumer side grants a
 * network credit per batch taken); local channels have none and pay one null check per batch.
 */
public final class Channel {

  private final String name;
  private final ArrayBlockingQueue<Batch> queue;
  private final AtomicLong waitedNanos = new AtomicLong();
  private volatile Thread consumer;
  private volatile boolean closed;
  private volatile ChannelFailedException failure;
  private Runnable takenHook;

  public Channel(String name, int capacity) {
    this.name = name;
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  public String name() {
    return name;
  }

  /** The thread to wake when a batch arrives. */
  void attachConsumer(Thread thread) {
    this.consumer = thread;
  }

  /**
   * Runs {@code hook} on the consumer's thread each time it takes a batch (network credits). Set once, before
   * the consumer task starts (thread start publishes it).
   */
  public void onTaken(Runnable hook) {
    this.takenHook = hook;
  }

  /** Sends a batch, waiting while the channel is full. */
  public void send(Batch batch, BackpressureListener listener) throws InterruptedException {
    checkOpen();
    if (!queue.offer(batch)) {
      long since = System.nanoTime();
      // Waits in slices so a closed channel (cancelled consumer) or a broken stream releases the producer.
      // Each slice is reported at once: a producer stuck behind a stalled consumer reads as backpressured
      // while it waits, not only after it got through.
      while (!queue.offer(batch, 20, TimeUnit.MILLISECONDS)) {
        since = reportWait(since, listener);
        checkOpen();
      }
      reportWait(since, listener);
    }
    if (closed) {
      queue.clear(); // closed while we sent: nobody will read it
      throw new ChannelClosedException(name);
    }
    Thread thread = consumer;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  private long reportWait(long since, BackpressureListener listener) {
    long now = System.nanoTime();
    long waited = now - since;
    waitedNanos.addAndGet(waited);
    listener.backpressured(waited);
    return now;
  }

  private void checkOpen() {
    ChannelFailedException failed = failure;
    if (failed != null) {
      throw failed;
    }
    if (closed) {
      throw new ChannelClosedException(name);
    }
  }

  /** The next batch, or null when none is queued. */
  Batch poll() {
    Batch batch = queue.poll();
    if (batch == null) {
      ChannelFailedException failed = failure;
      if (failed != null) {
        throw failed;
      }
      return null;
    }
    Runnable hook = takenHook;
    if (hook != null) {
      hook.run();
    }
    return batch;
  }

  /**
   * The network sender's side of an outbound channel: the next batch, waiting up to {@code timeout}; null when
   * none arrived in time.
   */
  public Batch poll(long timeout, TimeUnit unit) throws InterruptedException {
    return queue.poll(timeout, unit);
  }

  /**
   * The network receiver's side of an inbound channel: enqueues without waiting and wakes the consumer.
   *
   * @return false when the channel is full (the sender ignored its credits)
   */
  public boolean offer(Batch batch) {
    if (closed) {
      return true; // consumer gone (cancelled): drop, as a local channel would
    }
    if (!queue.offer(batch)) {
      return false;
    }
    Thread thread = consumer;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
    return true;
  }

  /**
   * The stream carrying this channel broke: the producer's next send and the consumer's next read throw
   * {@code failure} (queued batches before it are still delivered to the consumer).
   */
  public void fail(ChannelFailedException cause) {
    if (failure == null) {
      failure = cause;
    }
    Thread thread = consumer;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  public boolean isFailed() {
    return failure != null;
  }

  /** Batches queued now (for tests and metrics). */
  public int queuedBatches() {
    return queue.size();
  }

  /** Total time producers waited on this channel being full. */
  public long waitedNanos() {
    return waitedNanos.get();
  }

  public int capacity() {
    return queue.size() + queue.remainingCapacity();
  }

  public boolean isClosed() {
    return closed;
  }

  public void close() {
    closed = true;
    queue.clear();
  }

  @Override
  public String toString() {
    return name;
  }
}
