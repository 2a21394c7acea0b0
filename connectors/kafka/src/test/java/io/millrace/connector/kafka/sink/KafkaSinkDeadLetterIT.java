package io.millrace.connector.kafka.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.connector.kafka.KafkaConnectors;
import io.millrace.connector.kafka.KafkaDefaults;
import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.connector.CollectingSink;
import io.millrace.engine.connector.CollectionSource;
import io.millrace.engine.runtime.Connectors;
import io.millrace.engine.runtime.JobConfig;
import io.millrace.engine.state.heap.HeapStateBackend;
import io.millrace.engine.testing.MiniCluster;
import io.millrace.localstack.KafkaServer;
import io.millrace.localstack.WithKafka;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Records the kafka-sink cannot write — larger than maxRequestSize, an illegal topic from topicExpression, a
 * failing key expression — go to the sink's dead-letter output with the
 * reason; the good records around them are committed and the job finishes (for a transactional producer a
 * refused record handed to Kafka would have poisoned the whole transaction).
 */
@WithKafka
class KafkaSinkDeadLetterIT {

  @TempDir Path dir;

  static String spec(String delivery) {
    return """
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: sink-dead-letters}
        spec:
          parallelism: 1
          nodes:
            - {id: events, type: kafka-source, topic: in, format: json}
            - {id: out, type: kafka-sink, inputs: [events], topicExpression: "value.topic", key: "value.k", format: json, delivery: %s, maxRequestSize: 2KB}
            - {id: bad, type: kafka-sink, inputs: [out.dead-letter], topic: unused}
        """.formatted(delivery);
  }

  static Map<String, Object> record(String topic, String k, long seq, Object payload) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("topic", topic);
    if (k != null) {
      m.put("k", k);
    }
    m.put("seq", seq);
    m.put("payload", payload);
    return m;
  }

  @ParameterizedTest
  @ValueSource(strings = {"exactly-once", "at-least-once"})
  void unwritableRecordsGoToTheDeadLetterOutputAndTheRestIsCommitted(String delivery, KafkaServer kafka)
      throws Exception {
    String topic = "sink-dl-" + UUID.randomUUID().toString().substring(0, 8);
    KafkaSinkExactlyOnceIT.createTopic(kafka, topic, 1);
    CollectingSink bad = new CollectingSink();
    String big = "x".repeat(4000);
    List<Object> events = List.of(
        record(topic, "a", 0, "small"),
        record(topic, "b", 1, big),                  // > maxRequestSize 2KB
        record("no such/topic!", "c", 2, "small"),   // not a legal topic name
        record(topic, null, 3, "small"),             // key expression value.k fails: no field k
        record(topic, "e", 4, "small"));
    MiniCluster.forSpec(spec(delivery))
        .source("events", CollectionSource.of(events, 1))
        .connectors(KafkaConnectors.register(Connectors.none(), KafkaDefaults.cluster(kafka.bootstrapServers()),
            "dl-" + delivery, new PreparedTransactions()))
        .sink("bad", bad)
        .config(JobConfig.defaults(dir.resolve(delivery))
            .withState(new HeapStateBackend(), new FileCheckpointStore(dir.resolve("store-" + delivery))))
        .start().result().get(120, TimeUnit.SECONDS);

    List<String> written = CommittedOutput.read(kafka.bootstrapServers(), topic, true);
    assertThat(written).hasSize(2);
    assertThat(written.get(0)).contains("\"seq\":0");
    assertThat(written.get(1)).contains("\"seq\":4");

    List<Map<?, ?>> dead = bad.committedValues().stream().<Map<?, ?>>map(v -> (Map<?, ?>) v).toList();
    assertThat(dead).hasSize(3);
    assertThat(dead).allSatisfy(d -> assertThat(d.get("node")).isEqualTo("out"));
    assertThat(reasonOf(dead, 1)).contains("kafka-sink node out: the message for topic " + topic + " is ")
        .contains("more than maxRequestSize 2048 bytes");
    assertThat(reasonOf(dead, 2)).contains("'no such/topic!', which is not a legal Kafka topic name");
    assertThat(reasonOf(dead, 3)).contains("kafka-sink node out: key 'value.k' failed on a record");
  }

  private static String reasonOf(List<Map<?, ?>> dead, long seq) {
    return dead.stream().filter(d -> Long.valueOf(seq).equals(((Map<?, ?>) d.get("record")).get("seq")))
        .map(d -> d.get("reason").toString()).findFirst().orElseThrow(() -> new AssertionError(
            "no dead letter for seq " + seq + " in " + dead));
  }
}
