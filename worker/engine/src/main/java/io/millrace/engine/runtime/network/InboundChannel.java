package io.millrace.engine.runtime.network;

import io.millrace.engine.runtime.exchange.Batch;
import io.millrace.engine.runtime.exchange.Channel;
import io.millrace.engine.runtime.exchange.ChannelFailedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.logging.Logger;

/**
 * The consumer's end of a channel whose producer runs on another worker. Frames are decoded and put into the
 * consumer's local bounded {@link Channel} without blocking: the sender holds one credit per free slot, so a
 * frame that finds the queue full is a protocol violation and fails the channel. Each batch the consumer task
 * takes frees a slot and grants one credit back ({@link #onCredit}).
 */
public final class InboundChannel {

  private static final Logger LOG = Logger.getLogger(InboundChannel.class.getName());

  private final ChannelKey key;
  private final Channel channel;
  private final String peer;
  private final Consumer<Throwable> failTask;
  private final AtomicInteger senderCredits;
  private volatile IntConsumer grant;
  private int pendingGrants;

  /**
   * @param channel the local channel the consumer task reads (its capacity is the credit window)
   * @param peer the producer's worker (for messages)
   * @param failTask fails the local consumer task (its mailbox) when the stream broke
   */
  public InboundChannel(ChannelKey key, Channel channel, String peer, Consumer<Throwable> failTask) {
    this.key = key;
    this.channel = channel;
    this.peer = peer;
    this.failTask = failTask;
    this.senderCredits = new AtomicInteger(channel.capacity());
    channel.onTaken(this::batchTaken);
  }

  public ChannelKey key() {
    return key;
  }

  /** The worker at the other end. */
  public String peer() {
    return peer;
  }

  /** The local channel the consumer reads (tests, metrics). */
  public Channel channel() {
    return channel;
  }

  /** The credits granted when the stream opens: the local queue's capacity in batches. */
  public int initialCredits() {
    return channel.capacity();
  }

  /** Decodes a frame and enqueues it; never blocks. A frame beyond the granted credits fails the channel. */
  public void onFrame(byte[] frame) {
    Batch batch;
    try {
      batch = BatchCodec.decode(frame);
    } catch (RuntimeException e) {
      fail(e);
      throw e;
    }
    senderCredits.decrementAndGet();
    if (!channel.offer(batch)) {
      IllegalStateException violation = new IllegalStateException("channel " + key.displayName()
          + " received a batch from worker " + peer + " beyond its " + channel.capacity()
          + " credits (the sender ignored flow control)");
      fail(violation);
      throw violation;
    }
  }

  /** Called with 1 each time the consumer took a batch; the transport turns it into a {@code CreditGrant}. */
  public void onCredit(IntConsumer grant) {
    int pending;
    synchronized (this) {
      this.grant = grant;
      pending = pendingGrants;
      pendingGrants = 0;
    }
    if (pending > 0) {
      grant.accept(pending); // batches taken before the transport listened: their credits are not lost
    }
  }

  private void batchTaken() {
    senderCredits.incrementAndGet();
    IntConsumer g = grant;
    if (g == null) {
      synchronized (this) {
        g = grant;
        if (g == null) {
          pendingGrants++;
          return;
        }
      }
    }
    g.accept(1);
  }

  /** The stream broke before the end: the consumer task fails promptly, naming the channel and the peer. */
  public void fail(Throwable cause) {
    ChannelFailedException failure = new ChannelFailedException("channel " + key.displayName() + " from worker "
        + peer + " broke: " + (cause == null ? "stream closed" : cause.getMessage()), cause, peer);
    LOG.warning(() -> "job=" + key.jobId() + " attempt=" + key.attempt() + " channel=" + key.displayName()
        + " from worker " + peer + " failed: " + cause);
    channel.fail(failure);
    failTask.accept(failure);
  }

  public ChannelMetrics metrics() {
    return new ChannelMetrics(key, false, channel.queuedBatches(), senderCredits.get(), 0.0);
  }

  @Override
  public String toString() {
    return "inbound " + key + " from " + peer;
  }
}
