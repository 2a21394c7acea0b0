package io.millrace.connector.kafka;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One daemon thread per reader or writer that runs its cluster calls (admin requests that may wait up
 * to a timeout) so the task thread never blocks on them: every {@link #interval} the probe runs; a run
 * that returns counts as an answer of the cluster in {@link BrokerLiveness}, a run that throws records
 * the error there. Stopped by {@link #close}.
 */
public final class BackgroundProbe implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(BackgroundProbe.class.getName());

  /** One probing step; throws when the cluster did not answer. */
  @FunctionalInterface
  public interface Step {
    void run() throws Exception;
  }

  private final ScheduledExecutorService executor;

  /**
   * @param threadName for thread dumps, e.g. {@code millrace-kafka-source-orders-0}
   * @param interval between the end of one run and the start of the next
   */
  public BackgroundProbe(String threadName, Duration interval, BrokerLiveness liveness, LongSupplier clock,
      Step step) {
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
    executor.scheduleWithFixedDelay(() -> {
      try {
        step.run();
        liveness.answered(clock.getAsLong());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Throwable e) { // the schedule must survive any failure: one that escapes would cancel it for good
        liveness.failed(rootCause(e));
        LOG.log(Level.FINE, () -> threadName + ": cluster probe failed: " + e);
      }
    }, 0, Math.max(1, interval.toMillis()), TimeUnit.MILLISECONDS);
  }

  /** The client's own error, not our wrappers around it. */
  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while ((t instanceof KafkaUnreachableException || t instanceof java.util.concurrent.ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /**
   * How often to probe a cluster that must be declared unreachable after {@code timeout}: often enough
   * for a few tries within it, at most every 5 s.
   */
  public static Duration intervalFor(Duration timeout) {
    return Duration.ofMillis(Math.max(50, Math.min(5_000, timeout.toMillis() / 4)));
  }

  /** How long one probing request may wait: the last error must be known before the timeout. */
  public static Duration requestTimeoutFor(Duration timeout) {
    return Duration.ofMillis(Math.max(100, Math.min(10_000, timeout.toMillis() / 2)));
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
