package io.millrace.connector.kafka.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.millrace.connector.kafka.KafkaConnectors;
import io.millrace.connector.kafka.KafkaDefaults;
import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.connector.CollectingSink;
import io.millrace.engine.runtime.Connectors;
import io.millrace.engine.runtime.JobConfig;
import io.millrace.engine.runtime.JobFailedException;
import io.millrace.engine.runtime.LocalJob;
import io.millrace.engine.runtime.checkpoint.CompletedCheckpoint;
import io.millrace.engine.state.heap.HeapStateBackend;
import io.millrace.engine.testing.MiniCluster;
import io.millrace.localstack.KafkaServer;
import io.millrace.localstack.WithKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kafka-source against the real broker, run by the engine (MiniCluster / LocalJob) with 2PC collecting sinks. */
@WithKafka
class KafkaSourceIT {

  static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;
  KafkaTestTopics topics;

  @BeforeEach
  void open(KafkaServer kafka) {
    topics = new KafkaTestTopics(kafka);
  }

  @AfterEach
  void close() {
    topics.close();
  }

  static String spec(int parallelism, String sourceSettings) {
    return """
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: kafka-it}
        spec:
          parallelism: %d
          nodes:
            - {id: in, type: kafka-source, %s}
            - {id: out, type: kafka-sink, inputs: [in], topic: unused}
            - {id: bad, type: kafka-sink, inputs: [in.dead-letter], topic: unused}
        """.formatted(parallelism, sourceSettings);
  }

  MiniCluster job(String spec, CollectingSink out, CollectingSink bad, String stateDir) {
    return MiniCluster.forSpec(spec)
        .connectors(KafkaConnectors.register(Connectors.none(), KafkaDefaults.cluster(topics.bootstrap())))
        .sink("out", out)
        .sink("bad", bad)
        .config(JobConfig.defaults(dir.resolve(stateDir))
            .withState(new HeapStateBackend(), new FileCheckpointStore(dir.resolve("store"))));
  }

  static List<Long> seqs(CollectingSink sink) {
    return sink.committedValues().stream().map(v -> (Long) ((Map<?, ?>) v).get("seq")).sorted().toList();
  }

  static List<Long> range(long from, long to) {
    return LongStream.range(from, to).boxed().toList();
  }

  static long committedTotal(Map<TopicPartition, OffsetAndMetadata> offsets) {
    return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
  }

  @Test
  void boundedReadGetsEveryRecordOfEveryPartitionWithParallelismTwo() throws Exception {
    String topic = topics.create("all", 3);
    topics.produceJson(topic, 3, 0, 900);
    CollectingSink out = new CollectingSink();
    CollectingSink bad = new CollectingSink();

    job(spec(2, "topic: " + topic + ", format: json, startFrom: earliest, bounded: true"), out, bad, "run")
        .start().result().get(60, TimeUnit.SECONDS);

    assertThat(seqs(out)).isEqualTo(range(0, 900));
    assertThat(bad.committed()).isEmpty();
  }

  @Test
  void malformedJsonGoesToDeadLettersWithPositionAndReasonAndTheJobGoesOn() throws Exception {
    String topic = topics.create("bad", 2);
    topics.send(topic, 0, "{\"seq\":0}");
    topics.send(topic, 0, "{\"seq\": oops}");
    topics.send(topic, 1, "[1,2]");
    topics.send(topic, 1, "{\"seq\":1}");
    CollectingSink out = new CollectingSink();
    CollectingSink bad = new CollectingSink();

    job(spec(2, "topic: " + topic + ", startFrom: earliest, bounded: true"), out, bad, "run")
        .start().result().get(60, TimeUnit.SECONDS);

    assertThat(seqs(out)).containsExactly(0L, 1L);
    assertThat(bad.committedValues()).hasSize(2);
    Map<?, ?> malformed = bad.committedValues().stream().map(v -> (Map<?, ?>) v)
        .filter(v -> v.get("reason").toString().contains("partition 0")).findFirst().orElseThrow();
    assertThat(malformed.get("node")).isEqualTo("in");
    assertThat(malformed.get("reason").toString())
        .startsWith("topic " + topic + " partition 0 offset 1: format json: malformed JSON at line 1, column");
    Map<?, ?> record = (Map<?, ?>) malformed.get("record");
    assertThat(record.get("topic")).isEqualTo(topic);
    assertThat(record.get("partition")).isEqualTo(0L);
    assertThat(record.get("offset")).isEqualTo(1L);
    assertThat(record.get("payload")).isEqualTo("{\"seq\": oops}");
    assertThat(bad.committedValues()).anySatisfy(v -> assertThat(((Map<?, ?>) v).get("reason").toString())
        .isEqualTo("topic " + topic + " partition 1 offset 0: format json: expected a JSON object, found an array"));
  }

  @Test
  void restoreFromCheckpointContinuesAtTheCheckpointedOffsetsAndGroupOffsetsFollowCompletedCheckpointsOnly()
      throws Exception {
    String topic = topics.create("restore", 4);
    String group = "restore-" + topic;
    String settings = "topic: " + topic + ", startFrom: earliest, groupId: " + group;
    topics.produceJson(topic, 4, 0, 400);
    CollectingSink out = new CollectingSink();
    CollectingSink bad = new CollectingSink();

    LocalJob first = job(spec(2, settings), out, bad, "first").start();
    await().atMost(WAIT).until(() -> out.written() == 400);
    assertThat(topics.groupOffsets(group)).isEmpty(); // nothing committed before a checkpoint completed
    CompletedCheckpoint checkpoint = first.checkpoints().triggerCheckpoint().get(60, TimeUnit.SECONDS);
    await().atMost(WAIT).until(() -> out.committed().size() == 400);
    // the commit is asynchronous (completes during a later poll)
    await().atMost(WAIT).until(() -> committedTotal(topics.groupOffsets(group)) == 400);
    assertThat(topics.groupOffsets(group)).hasSize(4).allSatisfy((tp, offset) -> assertThat(offset.offset()).isEqualTo(100));

    topics.produceJson(topic, 4, 400, 600); // read but never checkpointed by the first run
    await().atMost(WAIT).until(() -> out.written() == 600);
    assertThat(committedTotal(topics.groupOffsets(group))).isEqualTo(400); // no checkpoint, no commit
    first.cancel();
    assertThatThrownBy(() -> first.result().get(60, TimeUnit.SECONDS)).isInstanceOf(Exception.class);
    first.close();
    assertThat(seqs(out)).isEqualTo(range(0, 400)); // the uncommitted 200 were never committed downstream

    topics.produceJson(topic, 4, 600, 800);
    LocalJob second = job(spec(2, settings), out, bad, "second").restore(checkpoint);
    // written counts both runs: 600 by the first (200 of them never committed) + 400 from offset 100 per partition on
    await().atMost(WAIT).until(() -> out.written() == 1000);
    second.checkpoints().triggerCheckpoint().get(60, TimeUnit.SECONDS);
    await().atMost(WAIT).until(() -> out.committed().size() == 800);
    second.cancel();
    second.close();

    assertThat(seqs(out)).isEqualTo(range(0, 800)); // no loss, no duplicate
    await().atMost(WAIT).until(() -> committedTotal(topics.groupOffsets(group)) == 800);
  }

  @Test
  void savepointRestoresAtParallelismThree() throws Exception {
    String topic = topics.create("rescale", 5);
    String settings = "topic: " + topic + ", startFrom: earliest";
    topics.produceJson(topic, 5, 0, 500);
    CollectingSink out = new CollectingSink();
    CollectingSink bad = new CollectingSink();

    LocalJob first = job(spec(2, settings), out, bad, "p2").start();
    await().atMost(WAIT).until(() -> out.written() == 500);
    CompletedCheckpoint savepoint = first.checkpoints().triggerSavepoint().get(60, TimeUnit.SECONDS);
    await().atMost(WAIT).until(() -> out.committed().size() == 500);
    first.cancel();
    first.close();

    topics.produceJson(topic, 5, 500, 1000);
    LocalJob second = job(spec(3, settings), out, bad, "p3").restore(savepoint);
    await().atMost(WAIT).until(() -> out.written() == 1000);
    second.checkpoints().triggerCheckpoint().get(60, TimeUnit.SECONDS);
    await().atMost(WAIT).until(() -> out.committed().size() == 1000);
    second.cancel();
    second.close();

    assertThat(seqs(out)).isEqualTo(range(0, 1000));
  }

  @Test
  void newPartitionIsDiscoveredAndReadFromItsBeginning() throws Exception {
    String topic = topics.create("grow", 1);
    topics.produceJson(topic, 1, 0, 10);
    CollectingSink out = new CollectingSink();
    CollectingSink bad = new CollectingSink();
    LocalJob job = job(spec(2, "topic: " + topic + ", startFrom: earliest, partitionDiscoveryInterval: 200ms"),
        out, bad, "run").start();
    await().atMost(WAIT).until(() -> out.written() == 10);

    topics.growTo(topic, 3);
    topics.send(topic, 1, "{\"seq\":10}");
    topics.send(topic, 2, "{\"seq\":11}");
    await().atMost(WAIT).until(() -> out.written() == 12);
    job.checkpoints().triggerCheckpoint().get(60, TimeUnit.SECONDS);
    await().atMost(WAIT).until(() -> out.committed().size() == 12);
    job.cancel();
    job.close();
    assertThat(seqs(out)).isEqualTo(range(0, 12));
  }

  @Test
  void consumerLagGaugesCountRecordsBehindAndTheAgeOfTheNewestRecordRead() throws Exception {
    String topic = topics.create("lag", 1);
    long old = System.currentTimeMillis() - 120_000;
    topics.sendAt(topic, 0, old, "{\"seq\":0}");
    GateSink gated = new GateSink();
    LocalJob job = MiniCluster.forSpec(spec(1, "topic: " + topic + ", startFrom: earliest"))
        .connectors(KafkaConnectors.register(Connectors.none(), KafkaDefaults.cluster(topics.bootstrap())))
        .sink("out", gated)
        .sink("bad", new CollectingSink())
        .config(JobConfig.defaults(dir.resolve("lag")))
        .start();
    try {
      await().atMost(WAIT).until(gated::blocked); // the task thread now waits inside the sink: the reader stands still
      for (int i = 1; i <= 30; i++) {
        topics.sendAt(topic, 0, old + i, "{\"seq\":" + i + "}");
      }
      // the reader's position is still 0 (record 0 is not through the chain yet): all 31 are behind
      await().atMost(WAIT).until(() -> gauge(job, "kafka.lag.records") == 31);
      assertThat(gauge(job, "kafka.lag.seconds")).isBetween(119L, 300L);

      gated.open();
      await().atMost(WAIT).until(() -> gated.written() == 31);
      await().atMost(WAIT).until(() -> gauge(job, "kafka.lag.records") == 0);
      assertThat(gauge(job, "kafka.lag.seconds")).isZero();
    } finally {
      gated.open();
      job.cancel();
      job.close();
    }
  }

  static long gauge(LocalJob job, String name) {
    return job.tasks().stream().filter(t -> t instanceof io.millrace.engine.runtime.task.SourceTask<?>)
        .map(t -> ((io.millrace.engine.runtime.task.SourceTask<?>) t).sourceMetrics().snapshot().get(name))
        .filter(java.util.Objects::nonNull).mapToLong(Long::longValue).sum();
  }

  @Test
  void unreachableBrokerFailsTheJobWithAClearError() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    KafkaDefaults fast = new KafkaDefaults(null, Map.of("default.api.timeout.ms", "2000"));
    String spec = spec(1, "topic: nowhere, startFrom: earliest, bootstrapServers: '127.0.0.1:" + closedPort + "'");
    LocalJob job = MiniCluster.forSpec(spec)
        .connectors(KafkaConnectors.register(Connectors.none(), fast))
        .sink("out", new CollectingSink())
        .sink("bad", new CollectingSink())
        .config(JobConfig.defaults(dir.resolve("unreachable")))
        .create(null);

    long started = System.nanoTime();
    assertThatThrownBy(() -> job.start().result().get(60, TimeUnit.SECONDS))
        .satisfies(e -> {
          Throwable failure = e instanceof ExecutionException ? e.getCause() : e;
          assertThat(failure).isInstanceOf(JobFailedException.class);
          // the worker's client properties bound the start's metadata calls (default.api.timeout.ms)
          assertThat(failure).hasStackTraceContaining("kafka-source 'in' (describe [nowhere]): no broker of 127.0.0.1:"
              + closedPort + " answered for 2 s (last error: ");
          assertThat(failure).hasStackTraceContaining("Check bootstrapServers");
        });
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    job.close();
  }
}
