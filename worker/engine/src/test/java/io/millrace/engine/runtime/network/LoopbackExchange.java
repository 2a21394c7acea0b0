package io.millrace.engine.runtime.network;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory {@link RemoteExchange} for tests and benchmarks: one pump thread per channel moves encoded frames
 * from the {@link OutboundChannel} to the {@link InboundChannel} registered under the same key, with credits as
 * the real transport does (the receiver's whole buffer on open, then one per batch consumed). Every slice of a
 * test job shares one instance; the data address is ignored.
 */
public final class LoopbackExchange implements RemoteExchange {

  private final Map<ChannelKey, InboundChannel> inbound = new ConcurrentHashMap<>();
  private final Map<ChannelKey, OutboundChannel> outbound = new ConcurrentHashMap<>();
  private final List<Thread> pumps = new CopyOnWriteArrayList<>();
  private final Map<String, Boolean> released = new ConcurrentHashMap<>();
  private final AtomicLong frames = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();

  @Override
  public void openOutbound(ChannelKey key, OutboundChannel out, String dataAddress) {
    outbound.put(key, out);
    Thread pump = new Thread(() -> pump(key, out), "loopback-" + key.displayName());
    pump.setDaemon(true);
    pumps.add(pump);
    pump.start();
  }

  @Override
  public synchronized void registerInbound(ChannelKey key, InboundChannel in) {
    inbound.put(key, in);
    notifyAll();
  }

  @Override
  public void releaseAttempt(String jobId, long attempt) {
    released.put(jobId + "/" + attempt, true);
  }

  private void pump(ChannelKey key, OutboundChannel out) {
    try {
      InboundChannel in = awaitInbound(key);
      if (in == null) {
        return;
      }
      in.onCredit(out::addCredits);
      out.addCredits(in.initialCredits());
      while (!isReleased(key) && !out.drained()) {
        byte[] frame = out.nextFrame(20, TimeUnit.MILLISECONDS);
        if (frame != null) {
          frames.incrementAndGet();
          bytes.addAndGet(frame.length);
          in.onFrame(frame);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // a protocol violation or a decoding error: both ends already failed their channel (onFrame)
    }
  }

  private synchronized InboundChannel awaitInbound(ChannelKey key) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!inbound.containsKey(key) && !isReleased(key)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException("no receiver registered for " + key);
      }
      wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
    }
    return inbound.get(key);
  }

  private boolean isReleased(ChannelKey key) {
    return released.containsKey(key.jobId() + "/" + key.attempt());
  }

  /** Breaks one channel as a dropped connection would: both ends fail. */
  public void breakChannel(ChannelKey key, Throwable cause) {
    OutboundChannel out = outbound.get(key);
    InboundChannel in = inbound.get(key);
    if (out != null) {
      out.fail(cause);
    }
    if (in != null) {
      in.fail(cause);
    }
  }

  public List<ChannelKey> outboundKeys() {
    return List.copyOf(outbound.keySet());
  }

  public long frames() {
    return frames.get();
  }

  public long bytes() {
    return bytes.get();
  }

  /** Waits for the pump threads to end (they end when their attempt is released or their channel drained). */
  public void join(long millis) throws InterruptedException {
    for (Thread pump : pumps) {
      pump.join(millis);
    }
  }
}
