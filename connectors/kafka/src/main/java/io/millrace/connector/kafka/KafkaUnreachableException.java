package io.millrace.connector.kafka;

import java.time.Duration;

/**
 * No broker of a node's cluster answered for the node's {@code unreachableTimeout}: the task fails with
 * this, so the job's status shows which node, which cluster and the last client error, and the job
 * restarts under its restart strategy (rather than a consumer or producer retrying silently forever).
 */
public final class KafkaUnreachableException extends RuntimeException {

  private final String bootstrapServers;

  /**
   * @param node e.g. {@code kafka-source 'orders'}
   * @param waited how long nothing answered
   * @param lastError the last client error seen (may be null)
   */
  public KafkaUnreachableException(String node, String bootstrapServers, Duration waited, Throwable lastError) {
    super(node + ": no broker of " + bootstrapServers + " answered for " + readable(waited) + " (last error: "
        + describe(lastError) + "). Check bootstrapServers and that the brokers are running and reachable from the"
        + " worker; the job restarts under its restart strategy.", lastError);
    this.bootstrapServers = bootstrapServers;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  static String readable(Duration d) {
    long millis = d.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  private static String describe(Throwable error) {
    if (error == null) {
      return "none reported by the client yet";
    }
    // the client's own exceptions say what timed out; the class name tells timeouts from refusals
    return error.getClass().getSimpleName() + ": " + error.getMessage();
  }
}
