package io.millrace.connector.kafka.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.connector.kafka.KafkaConnectors;
import io.millrace.connector.kafka.KafkaDefaults;
import io.millrace.connector.kafka.format.AvroFormat;
import io.millrace.connector.kafka.format.RecordFormats;
import io.millrace.connector.kafka.sink.PreparedTransactions;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * format avro (inline schema) end to end on the real broker: a kafka-sink writes records as binary Avro
 * (exactly-once), a kafka-source reads them back as the same record values; a message that is not a datum of
 * the schema goes to the source's dead-letter output with its offset and reason while the job goes on.
 */
@WithKafka
class KafkaAvroIT {

  static final String SCHEMA = "{\"type\": \"record\", \"name\": \"Order\", \"namespace\": \"shop\", \"fields\": ["
      + "{\"name\": \"id\", \"type\": \"long\"}, {\"name\": \"item\", \"type\": \"string\"},"
      + " {\"name\": \"at\", \"type\": {\"type\": \"long\", \"logicalType\": \"timestamp-millis\"}}]}";

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

  static Map<String, Object> order(long id) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("item", "item-" + id);
    m.put("at", Instant.ofEpochMilli(1_700_000_000_000L + id));
    return m;
  }

  @Test
  void sinkWritesAvroTheSourceReadsItBackAndMalformedMessagesAreDeadLetters() throws Exception {
    String topic = topics.create("avro", 2);
    List<Object> orders = new ArrayList<>();
    for (long id = 0; id < 50; id++) {
      orders.add(order(id));
    }
    String write = """
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: avro-write}
        spec:
          parallelism: 1
          nodes:
            - {id: events, type: kafka-source, topic: unused}
            - id: out
              type: kafka-sink
              inputs: [events]
              topic: %s
              key: "string(value.id)"
              format: avro
              avroSchema: '%s'
        """.formatted(topic, SCHEMA);
    MiniCluster.forSpec(write)
        .source("events", CollectionSource.of(orders, 1))
        .connectors(KafkaConnectors.register(Connectors.none(), KafkaDefaults.cluster(topics.bootstrap()), "avro-write",
            new PreparedTransactions()))
        .config(JobConfig.defaults(dir.resolve("write"))
            .withState(new HeapStateBackend(), new FileCheckpointStore(dir.resolve("store"))))
        .start().result().get(120, TimeUnit.SECONDS);

    // a datum cut short, as a broken producer would write it: partition 0 at the next offset
    AvroFormat avro = (AvroFormat) RecordFormats.of("kafka-sink", "t", Map.of("format", "avro", "avroSchema", SCHEMA),
        true);
    byte[] whole = avro.encode(order(99));
    long badOffset;
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", topics.bootstrap()),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      badOffset = producer.send(new ProducerRecord<>(topic, 0, null, Arrays.copyOf(whole, whole.length - 3)))
          .get(30, TimeUnit.SECONDS).offset();
    }

    String read = """
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: avro-read}
        spec:
          parallelism: 2
          nodes:
            - {id: in, type: kafka-source, topic: %s, startFrom: earliest, bounded: true, format: avro, avroSchema: '%s'}
            - {id: out, type: kafka-sink, inputs: [in], topic: unused}
            - {id: bad, type: kafka-sink, inputs: [in.dead-letter], topic: unused}
        """.formatted(topic, SCHEMA);
    CollectingSink out = new CollectingSink();
    CollectingSink bad = new CollectingSink();
    MiniCluster.forSpec(read)
        .connectors(KafkaConnectors.register(Connectors.none(), KafkaDefaults.cluster(topics.bootstrap())))
        .sink("out", out)
        .sink("bad", bad)
        .config(JobConfig.defaults(dir.resolve("read"))
            .withState(new HeapStateBackend(), new FileCheckpointStore(dir.resolve("store2"))))
        .start().result().get(120, TimeUnit.SECONDS);

    List<Object> readBack = out.committedValues().stream()
        .sorted(Comparator.comparingLong(v -> (Long) ((Map<?, ?>) v).get("id"))).toList();
    assertThat(readBack).isEqualTo(orders);
    assertThat(bad.committedValues()).hasSize(1);
    Map<?, ?> dead = (Map<?, ?>) bad.committedValues().get(0);
    assertThat(dead.get("reason").toString())
        .startsWith("topic " + topic + " partition 0 offset " + badOffset + ": format avro: not a shop.Order datum: ");
    assertThat(((Map<?, ?>) dead.get("record")).get("offset")).isEqualTo(badOffset);
  }
}
