package io.millrace.connector.kafka.bench;

import io.millrace.connector.kafka.KafkaConnectors;
import io.millrace.connector.kafka.KafkaDefaults;
import io.millrace.connector.kafka.sink.PreparedTransactions;
import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.operators.OperatorFactory;
import io.millrace.engine.runtime.Connectors;
import io.millrace.engine.runtime.JobConfig;
import io.millrace.engine.runtime.LocalJob;
import io.millrace.engine.state.heap.HeapStateBackend;
import io.millrace.engine.testing.MiniCluster;
import io.millrace.localstack.KafkaServer;
import io.millrace.localstack.SharedServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Kafka → map → Kafka throughput with 100-byte JSON records: the same bounded job once with the sink's
 * delivery at-least-once and once exactly-once, both with 10 s checkpoints, on the in-process runtime
 * against a local-stack broker (or {@code --bootstrap host:port}). Reports records/s (wall time from
 * job start to its end, i.e. until the last transaction is committed) and verifies the read_committed
 * output count. Not a test; run:
 *
 * <pre>
 * mvn -pl connectors/kafka -Pbench test-compile exec:exec -Dbench.args="--records 2000000 --parallelism 2"
 * </pre>
 */
public final class KafkaPipelineBenchmark {

  private KafkaPipelineBenchmark() {}

  public static void main(String[] args) throws Exception {
    long records = 1_000_000;
    int parallelism = 2;
    String bootstrap = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--records" -> records = Long.parseLong(args[++i]);
        case "--parallelism" -> parallelism = Integer.parseInt(args[++i]);
        case "--bootstrap" -> bootstrap = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; use --records N --parallelism P [--bootstrap host:port]");
      }
    }
    KafkaServer server = bootstrap == null ? SharedServers.kafka() : null;
    String servers = bootstrap != null ? bootstrap : server.bootstrapServers();
    String in = "bench-in-" + UUID.randomUUID();
    createTopic(servers, in, parallelism);
    long produceStart = System.nanoTime();
    produce(servers, in, records, parallelism);
    System.out.printf(Locale.ROOT, "produced %d records of ~100 bytes into %s in %.1f s%n", records, in,
        (System.nanoTime() - produceStart) / 1e9);
    for (String delivery : List.of("at-least-once", "exactly-once")) {
      String out = "bench-out-" + delivery + "-" + UUID.randomUUID();
      createTopic(servers, out, parallelism);
      double seconds = run(servers, in, out, delivery, parallelism);
      long written = countCommitted(servers, out);
      System.out.printf(Locale.ROOT, "%-14s p=%d: %d records in %.2f s = %,.0f records/s (%,.0f per core of 2); "
          + "read_committed output: %d records%n", delivery, parallelism, records, seconds, records / seconds,
          records / seconds / 2, written);
    }
    System.exit(0); // the shared broker stops with the JVM's shutdown hook
  }

  private static double run(String servers, String in, String out, String delivery, int parallelism) throws Exception {
    String yaml = """
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: kafka-bench}
        spec:
          parallelism: %d
          nodes:
            - {id: events, type: kafka-source, topic: %s, format: json, startFrom: earliest, bounded: true}
            - {id: enrich, type: map, inputs: [events], expression: "value"}
            - {id: out, type: kafka-sink, inputs: [enrich], topic: %s, format: json, delivery: %s}
        """.formatted(parallelism, in, out, delivery);
    Path dir = Files.createTempDirectory("kafka-bench");
    Connectors connectors = KafkaConnectors.register(Connectors.none(), KafkaDefaults.cluster(servers),
        "bench-" + UUID.randomUUID(), new PreparedTransactions());
    LocalJob job = MiniCluster.forSpec(yaml).connectors(connectors).operators(OperatorFactory.standard())
        .config(JobConfig.defaults(dir.resolve("work"))
            .withState(new HeapStateBackend(), new FileCheckpointStore(dir.resolve("store")))
            .withCheckpointInterval(Duration.ofSeconds(10)))
        .create(null);
    long start = System.nanoTime();
    job.start();
    job.result().get(30, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - start) / 1e9;
    job.close();
    return seconds;
  }

  /** JSON objects of 100 bytes: {"id":…,"user":"u…","amount":…,"pad":"…"}. */
  private static void produce(String servers, String topic, long records, int partitions) {
    Map<String, Object> p = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.LINGER_MS_CONFIG, 20,
        ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.ACKS_CONFIG, "1");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (long i = 0; i < records; i++) {
        String head = "{\"id\":" + i + ",\"user\":\"u" + (i % 10_000) + "\",\"amount\":" + (i % 1000) + ".25,\"pad\":\"";
        String json = head + "x".repeat(Math.max(0, 100 - head.length() - 2)) + "\"}";
        producer.send(new ProducerRecord<>(topic, (int) (i % partitions), null, json.getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
    }
  }

  private static long countCommitted(String servers, String topic) {
    Map<String, Object> p = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(i -> new TopicPartition(topic, i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long count = 0;
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        count += consumer.poll(Duration.ofMillis(500)).count();
      }
      return count;
    }
  }

  private static void createTopic(String servers, String topic, int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
  }
}
