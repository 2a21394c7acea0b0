package io.millrace.engine.runtime.network;

import io.millrace.engine.runtime.exchange.Batch;
import io.millrace.engine.runtime.exchange.Channel;
import io.millrace.engine.runtime.exchange.ChannelFailedException;
import io.millrace.engine.runtime.exchange.ControlElement;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The producer's end of a channel whose consumer runs on another worker. The producer task writes into a local
 * bounded {@link Channel} exactly as for a local consumer (it waits there when the channel is full: backpressure
 * reaches the sources); the transport takes encoded batches with {@link #nextFrame} only while it holds credits
 * the receiver granted, one credit per batch. So at most {@code capacity} batches wait here and at most the
 * receiver's buffer is in flight or queued there.
 *
 * <p>{@link #nextFrame} is called by one transport thread at a time.
 */
public final class OutboundChannel {

  private static final Logger LOG = Logger.getLogger(OutboundChannel.class.getName());

  private final ChannelKey key;
  private final Channel channel;
  private final String peer;
  private final Consumer<Throwable> failTask;
  private final Semaphore credits = new Semaphore(0);
  private final BatchCodec codec = new BatchCodec();
  private final long createdNanos = System.nanoTime();
  private volatile boolean holdingCredit;
  private volatile boolean finalBarrierSent;
  private volatile boolean producerFinished;
  private long lastReadingNanos;
  private long lastWaitedNanos;

  /**
   * @param channel the local channel the producer writes into
   * @param peer the consumer's worker (for messages)
   * @param failTask fails the local producer task (its mailbox) when the stream broke
   */
  public OutboundChannel(ChannelKey key, Channel channel, String peer, Consumer<Throwable> failTask) {
    this.key = key;
    this.channel = channel;
    this.peer = peer;
    this.failTask = failTask;
    this.lastReadingNanos = createdNanos;
  }

  public ChannelKey key() {
    return key;
  }

  /** The worker at the other end. */
  public String peer() {
    return peer;
  }

  /** The local channel the producer writes into (tests, metrics). */
  public Channel channel() {
    return channel;
  }

  /**
   * Next encoded batch once a batch is queued AND a credit is held (consumes the credit); null on timeout.
   */
  public byte[] nextFrame(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    if (!credits.tryAcquire(timeout, unit)) {
      return null;
    }
    holdingCredit = true;
    Batch batch;
    try {
      batch = channel.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } finally {
      holdingCredit = false;
    }
    if (batch == null) {
      credits.release(); // nothing to send: keep the credit
      return null;
    }
    if (batch.size() > 0 && batch.elements()[batch.size() - 1] instanceof ControlElement.Barrier barrier
        && barrier.finalCheckpoint()) {
      finalBarrierSent = true;
    }
    return codec.encode(batch);
  }

  /** The transport got a {@code CreditGrant}. */
  public void addCredits(int granted) {
    if (granted <= 0) {
      throw new IllegalArgumentException("channel " + key + ": credit grant must be positive, was " + granted);
    }
    credits.release(granted);
  }

  /**
   * True when everything was sent: the producer task ended after its final checkpoint (whose barrier is the
   * last element of a channel) and no batch is left. The transport may then close the stream.
   */
  public boolean drained() {
    return producerFinished && finalBarrierSent && channel.queuedBatches() == 0;
  }

  /** The producer task ended normally (called by the job slice). */
  public void producerFinished() {
    producerFinished = true;
  }

  /** The stream broke: the local producer task fails promptly, naming the channel and the peer. */
  public void fail(Throwable cause) {
    if (drained()) {
      return; // everything was delivered; a late stream error changes nothing
    }
    ChannelFailedException failure = new ChannelFailedException("channel " + key.displayName() + " to worker "
        + peer + " broke: " + (cause == null ? "stream closed" : cause.getMessage()), cause, peer);
    LOG.warning(() -> "job=" + key.jobId() + " attempt=" + key.attempt() + " channel=" + key.displayName()
        + " to worker " + peer + " failed: " + cause);
    channel.fail(failure);
    failTask.accept(failure);
  }

  /** Buffers in use, credits held, and the share of time since the previous reading the producer waited. */
  public synchronized ChannelMetrics metrics() {
    long now = System.nanoTime();
    long waited = channel.waitedNanos();
    double ratio = Math.min(1.0, (double) (waited - lastWaitedNanos) / Math.max(1, now - lastReadingNanos));
    lastReadingNanos = now;
    lastWaitedNanos = waited;
    // a credit held while waiting for a batch is still unused
    int held = credits.availablePermits() + (holdingCredit ? 1 : 0);
    return new ChannelMetrics(key, true, channel.queuedBatches(), held, ratio);
  }

  @Override
  public String toString() {
    return "outbound " + key + " to " + peer;
  }
}
