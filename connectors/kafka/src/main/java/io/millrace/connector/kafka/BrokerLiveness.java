package io.millrace.connector.kafka;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When a node's cluster last answered, and the last client error since. A background probe reports
 * answers ({@link #answered}) and failures ({@link #failed}); the task thread calls {@link #check} —
 * two volatile reads, cheap enough per poll or per record — which throws once nothing has answered
 * for {@code unreachableTimeout}. Thread-safe.
 */
public final class BrokerLiveness {

  private final String node;
  private final String bootstrapServers;
  private final Duration timeout;
  private volatile long lastAnswerMillis;
  private final AtomicReference<Throwable> lastError = new AtomicReference<>();

  /**
   * @param node what fails, e.g. {@code kafka-sink 'out'}
   * @param startMillis the clock now: a cluster that never answers is unreachable {@code timeout} after it
   */
  public BrokerLiveness(String node, String bootstrapServers, Duration timeout, long startMillis) {
    this.node = node;
    this.bootstrapServers = bootstrapServers;
    this.timeout = timeout;
    this.lastAnswerMillis = startMillis;
  }

  public void answered(long nowMillis) {
    lastAnswerMillis = Math.max(lastAnswerMillis, nowMillis);
    lastError.set(null);
  }

  public void failed(Throwable error) {
    lastError.set(error);
  }

  public Duration timeout() {
    return timeout;
  }

  /** @throws KafkaUnreachableException when nothing answered for the timeout */
  public void check(long nowMillis) {
    long silent = nowMillis - lastAnswerMillis;
    if (silent >= timeout.toMillis()) {
      throw new KafkaUnreachableException(node, bootstrapServers, timeout, lastError.get());
    }
  }

  /** The exception for a client call that timed out on the task thread (the cluster did not answer). */
  public KafkaUnreachableException unreachable(Throwable error, Duration waited) {
    return new KafkaUnreachableException(node, bootstrapServers, waited, error);
  }
}
