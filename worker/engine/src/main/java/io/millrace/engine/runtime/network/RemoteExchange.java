package io.millrace.engine.runtime.network;

import io.millrace.engine.runtime.exchange.Channel;

/**
 * How the part of a job running in this process reaches subtasks placed on other workers. The engine builds a
 * bounded {@link Channel} for every channel whose producer OR consumer runs here (same-worker channels never
 * leave the process); the transport (the worker's gRPC data plane) moves the batches between the two ends with
 * credit-based flow control ({@link OutboundChannel}, {@link InboundChannel}).
 */
public interface RemoteExchange {

  /**
   * Producer side: the local producer subtask writes into {@code outbound}; the transport moves its batches to the
   * consumer on the worker listening at {@code dataAddress}, sending only while it holds credit.
   */
  void openOutbound(ChannelKey key, OutboundChannel outbound, String dataAddress);

  /** Consumer side: batches of {@code key} arriving from the network go into {@code inbound}. */
  void registerInbound(ChannelKey key, InboundChannel inbound);

  /** The attempt ended here: close its streams and forget its channels. */
  void releaseAttempt(String jobId, long attempt);
}
