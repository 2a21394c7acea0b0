package io.millrace.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaDefaultsTest {

  private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required"
      + " username=\"u\" password=\"top-secret-42\";";

  private final KafkaDefaults worker = new KafkaDefaults("tenant-kafka:9092",
      Map.of("request.timeout.ms", "5000", "security.protocol", "PLAINTEXT")).withConnections(Map.of(
          "billing", new KafkaClusterConnection("billing-kafka:9093", Map.of("security.protocol", "SASL_SSL",
              "sasl.mechanism", "PLAIN", "sasl.jaas.config", JAAS))));

  @Test
  void aNodeWithAConnectionGetsItsClusterAndItsPropertiesOverTheWorkers() {
    KafkaDefaults node = worker.forNode("kafka-source", "in", Map.of("topic", "t", "connection", "billing"));
    assertThat(node.bootstrapServers()).isEqualTo("billing-kafka:9093");
    assertThat(node.clientProperties()).containsEntry("sasl.jaas.config", JAAS)
        .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("request.timeout.ms", "5000");
    assertThat(node.connections()).isEmpty();
  }

  @Test
  void aNodeWithoutAConnectionKeepsTheWorkerDefaults() {
    KafkaDefaults node = worker.forNode("kafka-sink", "out", Map.of("topic", "t"));
    assertThat(node.bootstrapServers()).isEqualTo("tenant-kafka:9092");
    assertThat(node.clientProperties()).doesNotContainKey("sasl.jaas.config");
  }

  @Test
  void aConnectionTheDeploymentDidNotBringIsNamed() {
    assertThatThrownBy(() -> worker.forNode("kafka-sink", "out", Map.of("connection", "hr")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kafka-sink node 'out': setting connection: no Kafka connection 'hr' was sent")
        .hasMessageContaining("[billing]");
  }

  @Test
  void noToStringShowsAPropertyValue() {
    KafkaDefaults node = worker.forNode("kafka-source", "in", Map.of("connection", "billing"));
    assertThat(worker.toString()).contains("billing-kafka:9093").contains("sasl.jaas.config")
        .doesNotContain("top-secret-42").doesNotContain("SASL_SSL");
    assertThat(node.toString()).contains("sasl.jaas.config").doesNotContain("top-secret-42");
    assertThat(worker.connections().get("billing").toString()).doesNotContain("top-secret-42");
  }
}
