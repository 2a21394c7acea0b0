package io.millrace.engine.runtime.exchange;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One bounded queue of {@link Batch}es from one producer subtask to one consumer subtask. Memory is
 * bounded by {@code capacity} batches; a producer finding it full waits (backpressure) until the
 * consumer takes a batch, or until the channel is closed (cancellation).
 */
public final class Channel {

  private final String name;
  private final ArrayBlockingQueue<Batch> queue;
  private volatile Thread consumer;
  private volatile boolean closed;

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

  /** Sends a batch, waiting while the channel is full. */
  public void send(Batch batch, BackpressureListener listener) throws InterruptedException {
    if (closed) {
      throw new ChannelClosedException(name);
    }
    if (!queue.offer(batch)) {
      long start = System.nanoTime();
      // Waits in slices so a closed channel (cancelled consumer) releases the producer.
      while (!queue.offer(batch, 20, TimeUnit.MILLISECONDS)) {
        if (closed) {
          throw new ChannelClosedException(name);
        }
      }
      listener.backpressured(System.nanoTime() - start);
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

  /** The next batch, or null when none is queued. */
  Batch poll() {
    return queue.poll();
  }

  /** Batches queued now (for tests and metrics). */
  public int queuedBatches() {
    return queue.size();
  }

  public int capacity() {
    return queue.size() + queue.remainingCapacity();
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
