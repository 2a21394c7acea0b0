package io.millrace.engine.runtime.exchange;

/**
 * The network stream carrying a channel broke (peer worker gone, connection reset, protocol violation): the task
 * at this end fails with this exception, naming the channel and the peer, so the job recovers.
 */
public class ChannelFailedException extends RuntimeException {
  public ChannelFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
