package io.millrace.connector.kafka.sink;

import io.millrace.connector.kafka.BackgroundProbe;
import io.millrace.connector.kafka.BrokerLiveness;
import io.millrace.connector.kafka.KafkaUnreachableException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Whether a writer's cluster still answers: a background probe ({@code describeCluster} every few
 * seconds, never on the task thread) keeps {@link BrokerLiveness}; the writer calls {@link #check} at
 * each write and barrier and fails with {@link KafkaUnreachableException} once no broker answered for
 * {@code unreachableTimeout}. Client calls that time out on the task thread itself (a producer waiting
 * for metadata, the transaction coordinator) are turned into the same error by {@link #unreachable}.
 */
final class SinkWatch implements AutoCloseable {

  private final BrokerLiveness liveness;
  private final Admin admin;
  private final BackgroundProbe probe;
  private int writes;

  SinkWatch(KafkaSinkSettings settings, int subtask, Map<String, Object> adminProperties) {
    Duration timeout = settings.unreachableTimeout();
    Duration call = BackgroundProbe.requestTimeoutFor(timeout);
    this.liveness = new BrokerLiveness("kafka-sink '" + settings.nodeId() + "'", settings.bootstrapServers(), timeout,
        System.currentTimeMillis());
    adminProperties.put("default.api.timeout.ms", (int) call.toMillis());
    adminProperties.put("request.timeout.ms", (int) call.toMillis());
    this.admin = Admin.create(adminProperties);
    this.probe = new BackgroundProbe("millrace-kafka-sink-" + settings.nodeId() + "-" + subtask,
        BackgroundProbe.intervalFor(timeout), liveness, System::currentTimeMillis,
        () -> admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) call.toMillis())).nodes()
            .get(call.toMillis() + 1_000, TimeUnit.MILLISECONDS));
  }

  /** At a barrier: fails when the cluster has not answered for the timeout. */
  void check() {
    liveness.check(System.currentTimeMillis());
  }

  /** Per record: the same check on every 64th record only (the clock is not free at millions per second). */
  void checkSometimes() {
    if ((++writes & 63) == 0) {
      check();
    }
  }

  /** {@code error} (a client call that timed out) as the unreachable-cluster error, else null. */
  KafkaUnreachableException unreachable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof org.apache.kafka.common.errors.TimeoutException
          || t instanceof java.util.concurrent.TimeoutException) {
        return liveness.unreachable(t, liveness.timeout());
      }
    }
    return null;
  }

  @Override
  public void close() {
    probe.close();
    admin.close(Duration.ofSeconds(1));
  }
}
