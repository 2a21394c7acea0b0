package io.millrace.connector.kafka.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.connector.kafka.KafkaClusterConnection;
import io.millrace.connector.kafka.KafkaConnectors;
import io.millrace.connector.kafka.KafkaDefaults;
import io.millrace.connector.kafka.sink.CommittedOutput;
import io.millrace.connector.kafka.sink.PreparedTransactions;
import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.runtime.Connectors;
import io.millrace.engine.runtime.JobConfig;
import io.millrace.engine.state.heap.HeapStateBackend;
import io.millrace.engine.testing.MiniCluster;
import io.millrace.localstack.KafkaServer;
import io.millrace.localstack.WithKafka;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job whose kafka-source and kafka-sink name {@code connection: local} on a worker with NO default cluster: the
 * only way to reach the broker is the connection the deployment brought (its bootstrap servers and client
 * properties), so the records arriving in the output topic prove the connection was used end to end.
 */
@WithKafka
class KafkaConnectionIT {

  @TempDir Path dir;

  @Test
  void aJobReadsAndWritesThroughANamedConnection(KafkaServer kafka) throws Exception {
    String in = "conn-in-" + UUID.randomUUID().toString().substring(0, 8);
    String out = "conn-out-" + UUID.randomUUID().toString().substring(0, 8);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
        new StringSerializer())) {
      for (int i = 0; i < 20; i++) {
        producer.send(new ProducerRecord<>(in, "{\"n\":" + i + "}"));
      }
      producer.flush();
    }
    String spec = """
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: through-a-connection}
        spec:
          parallelism: 1
          nodes:
            - {id: src, type: kafka-source, topic: %s, connection: local, startFrom: earliest, bounded: true}
            - {id: doubled, type: map, inputs: [src], expression: "{'n': value.n * 2}"}
            - {id: out, type: kafka-sink, inputs: [doubled], topic: %s, connection: local, delivery: at-least-once}
        """.formatted(in, out);
    // No default cluster; the connection carries a harmless property that must pass kafka-clients' config checks.
    KafkaDefaults worker = KafkaDefaults.none().withConnections(Map.of("local", new KafkaClusterConnection(
        kafka.bootstrapServers(), Map.of("security.protocol", "PLAINTEXT", "client.dns.lookup", "use_all_dns_ips"))));
    MiniCluster.forSpec(spec)
        .connectors(KafkaConnectors.register(Connectors.none(), worker, "conn-" + UUID.randomUUID(),
            new PreparedTransactions()))
        .config(JobConfig.defaults(dir.resolve("work"))
            .withState(new HeapStateBackend(), new FileCheckpointStore(dir.resolve("store"))))
        .start().result().get(120, TimeUnit.SECONDS);

    List<String> written = CommittedOutput.read(kafka.bootstrapServers(), out, false);
    assertThat(written).containsExactlyInAnyOrderElementsOf(
        IntStream.range(0, 20).mapToObj(i -> "{\"n\":" + (i * 2) + "}").toList());
  }

  @Test
  void theSourceSettingsOfAConnectionNodeCarryItsProperties() {
    KafkaDefaults worker = KafkaDefaults.none().withConnections(Map.of("local", new KafkaClusterConnection(
        "broker:9093", Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512"))));
    KafkaSourceSettings settings = KafkaSourceSettings.from("src", Map.of("topic", "t", "connection", "local"),
        worker);
    assertThat(settings.bootstrapServers()).isEqualTo("broker:9093");
    assertThat(settings.clientProperties()).containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    assertThat(settings.toString()).contains("sasl.mechanism").doesNotContain("SCRAM-SHA-512");
  }
}
