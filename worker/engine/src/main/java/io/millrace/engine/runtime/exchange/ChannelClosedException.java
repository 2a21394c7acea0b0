package io.millrace.engine.runtime.exchange;

/** The consumer side of a channel went away (task cancelled or failed) while a producer waited. */
public class ChannelClosedException extends RuntimeException {
  public ChannelClosedException(String channel) {
    super("channel " + channel + " was closed while sending");
  }
}
