package io.millrace.connector.kafka.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millrace.connector.kafka.KafkaConnectors;
import io.millrace.connector.kafka.KafkaDefaults;
import io.millrace.connector.kafka.KafkaUnreachableException;
import io.millrace.connector.kafka.sink.PreparedTransactions;
import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.connector.CollectingSink;
import io.millrace.engine.connector.CollectionSource;
import io.millrace.engine.runtime.Connectors;
import io.millrace.engine.runtime.JobConfig;
import io.millrace.engine.runtime.JobFailedException;
import io.millrace.engine.runtime.LocalJob;
import io.millrace.engine.runtime.checkpoint.CompletedCheckpoint;
import io.millrace.engine.state.heap.HeapStateBackend;
import io.millrace.engine.testing.MiniCluster;
import io.millrace.localstack.KafkaConfig;
import io.millrace.localstack.KafkaLauncher;
import io.millrace.localstack.KafkaServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cluster that does not answer is a task failure naming the node, the bootstrap servers and the last client
 * error within {@code unreachableTimeout} — at start (nothing listens) for source and sink, and when the broker
 * goes away while the job runs (a dedicated broker, stopped and started again: the job restored from its last
 * checkpoint then finishes exactly).
 */
class KafkaUnreachableIT {

  @TempDir Path dir;

  static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The job's failure, unwrapped from the future. */
  static Throwable failureOf(LocalJob job) {
    try {
      job.result().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError("the job did not fail within 60 s: " + e, e);
    }
    throw new AssertionError("the job finished although its cluster does not answer");
  }

  static KafkaUnreachableException unreachableIn(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof KafkaUnreachableException u) {
        return u;
      }
    }
    throw new AssertionError("no KafkaUnreachableException in " + failure, failure);
  }

  @Test
  void sourceWithNoBrokerFailsWithinTheTimeoutNamingNodeClusterAndLastError() throws Exception {
    int port = closedPort();
    String spec = """
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: unreachable-source}
        spec:
          parallelism: 1
          nodes:
            - {id: in, type: kafka-source, topic: nowhere, startFrom: earliest, bootstrapServers: '127.0.0.1:%d', unreachableTimeout: 2s}
            - {id: out, type: kafka-sink, inputs: [in], topic: unused}
        """.formatted(port);
    LocalJob job = MiniCluster.forSpec(spec)
        .connectors(KafkaConnectors.register(Connectors.none(), KafkaDefaults.none()))
        .sink("out", new CollectingSink())
        .config(JobConfig.defaults(dir.resolve("source")))
        .create(null);
    long started = System.nanoTime();
    job.start();
    Throwable failure = failureOf(job);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    job.close();

    assertThat(failure).isInstanceOf(JobFailedException.class);
    KafkaUnreachableException unreachable = unreachableIn(failure);
    assertThat(unreachable.getMessage())
        .startsWith("kafka-source 'in' (describe [nowhere]): no broker of 127.0.0.1:" + port + " answered for 2 s"
            + " (last error: ")
        .contains("TimeoutException")
        .endsWith("the job restarts under its restart strategy.");
    assertThat(took).isLessThan(Duration.ofSeconds(15));
  }

  @ParameterizedTest
  @ValueSource(strings = {"exactly-once", "at-least-once"})
  void sinkWithNoBrokerFailsWithinTheTimeoutNamingNodeClusterAndLastError(String delivery) throws Exception {
    int port = closedPort();
    String spec = """
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: unreachable-sink}
        spec:
          parallelism: 1
          nodes:
            - {id: in, type: kafka-source, topic: unused}
            - {id: out, type: kafka-sink, inputs: [in], topic: t, delivery: %s, bootstrapServers: '127.0.0.1:%d', unreachableTimeout: 2s}
        """.formatted(delivery, port);
    LocalJob job = MiniCluster.forSpec(spec)
        .source("in", CollectionSource.of(LongStream.range(0, 200).boxed().map(i -> (Object) Map.of("seq", i))
            .toList(), 1))
        .connectors(KafkaConnectors.register(Connectors.none(), KafkaDefaults.none(), "unreachable-" + delivery,
            new PreparedTransactions()))
        .config(JobConfig.defaults(dir.resolve(delivery)))
        .create(null);
    long started = System.nanoTime();
    job.start();
    Throwable failure = failureOf(job);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    job.close();

    KafkaUnreachableException unreachable = unreachableIn(failure);
    assertThat(unreachable.getMessage())
        .startsWith("kafka-sink 'out': no broker of 127.0.0.1:" + port + " answered for 2 s (last error: ")
        .contains("TimeoutException");
    assertThat(took).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void brokerLostMidRunFailsTheJobClearlyAndTheRestoredJobFinishesExactly() throws Exception {
    Path data = dir.resolve("broker");
    KafkaServer broker = new KafkaLauncher(KafkaConfig.defaults().withDataDir(data)).start();
    String bootstrap = broker.bootstrapServers();
    int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    KafkaTestTopics topics = new KafkaTestTopics(broker);
    KafkaServer restarted = null;
    try {
      String topic = topics.create("lost", 2);
      topics.produceJson(topic, 2, 0, 100);
      String spec = """
          apiVersion: millrace.io/v1
          kind: Pipeline
          metadata: {name: broker-lost}
          spec:
            parallelism: 1
            nodes:
              - {id: in, type: kafka-source, topic: %s, startFrom: earliest, unreachableTimeout: 3s}
              - {id: out, type: kafka-sink, inputs: [in], topic: unused}
          """.formatted(topic);
      CollectingSink out = new CollectingSink();
      LocalJob first = job(spec, bootstrap, out, "first").start();
      await().atMost(Duration.ofSeconds(60)).until(() -> out.written() == 100);
      CompletedCheckpoint checkpoint = first.checkpoints().triggerCheckpoint().get(60, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(60)).until(() -> out.committed().size() == 100);
      topics.close();

      broker.close();
      Throwable failure = failureOf(first);
      first.close();
      assertThat(unreachableIn(failure).getMessage())
          .startsWith("kafka-source 'in': no broker of " + bootstrap + " answered for 3 s (last error: ");

      restarted = new KafkaLauncher(KafkaConfig.defaults().withDataDir(data).withPort(port)).start();
      assertThat(restarted.bootstrapServers()).isEqualTo(bootstrap);
      topics = new KafkaTestTopics(restarted);
      topics.produceJson(topic, 2, 100, 200);
      LocalJob second = job(spec, bootstrap, out, "second").restore(checkpoint);
      await().atMost(Duration.ofSeconds(60)).until(() -> out.written() == 200);
      second.checkpoints().triggerCheckpoint().get(60, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(60)).until(() -> out.committed().size() == 200);
      second.cancel();
      second.close();

      List<Long> seqs = KafkaSourceIT.seqs(out);
      assertThat(seqs).isEqualTo(KafkaSourceIT.range(0, 200)); // nothing lost, nothing twice
    } finally {
      topics.close();
      broker.close();
      if (restarted != null) {
        restarted.close();
      }
    }
  }

  MiniCluster job(String spec, String bootstrap, CollectingSink out, String stateDir) {
    return MiniCluster.forSpec(spec)
        .connectors(KafkaConnectors.register(Connectors.none(), KafkaDefaults.cluster(bootstrap)))
        .sink("out", out)
        .config(JobConfig.defaults(dir.resolve(stateDir))
            .withState(new HeapStateBackend(), new FileCheckpointStore(dir.resolve("store"))));
  }
}
