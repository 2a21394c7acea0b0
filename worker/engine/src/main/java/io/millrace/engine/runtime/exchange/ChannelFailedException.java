package io.millrace.engine.runtime.exchange;

/**
 * The network stream carrying a channel broke (peer worker gone, connection reset, protocol violation): the task
 * at this end fails with this exception, naming the channel and the peer, so the job recovers.
 */
public class ChannelFailedException extends RuntimeException {

  private final String peerWorker;

  public ChannelFailedException(String message, Throwable cause) {
    this(message, cause, null);
  }

  /** @param peerWorker the worker at the other end of the channel (the control plane suspects it), or null */
  public ChannelFailedException(String message, Throwable cause, String peerWorker) {
    super(message, cause);
    this.peerWorker = peerWorker;
  }

  /** The worker at the other end of the broken channel, or null when unknown. */
  public String peerWorker() {
    return peerWorker;
  }
}
