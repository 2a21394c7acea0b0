package io.millrace.worker.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.connector.kafka.KafkaDefaults;
import io.millrace.protocol.v1.DeployTasks;
import io.millrace.protocol.v1.KafkaConnection;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A deployment's Kafka connections become the client config of the nodes that name them, and are never printed. */
class KafkaConnectorRegistrationTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"acme\" password=\"very-secret-99\";";

    private static DeployTasks deployment() {
        return DeployTasks.newBuilder().setJobId("j1").setAttempt(2).setTenantId("acme")
                .putKafkaConnections("billing", KafkaConnection.newBuilder().setBootstrapServers("billing:9093")
                        .putClientProperties("security.protocol", "SASL_SSL")
                        .putClientProperties("sasl.mechanism", "SCRAM-SHA-512")
                        .putClientProperties("sasl.jaas.config", JAAS).build())
                .build();
    }

    @Test
    void aNodeNamingTheConnectionGetsItsClusterAndProperties() {
        AttemptContext attempt = AttemptContext.of(deployment());
        KafkaDefaults defaults = KafkaConnectorRegistration.defaultsFor(new KafkaDefaults("tenant:9092",
                Map.of("request.timeout.ms", "7000")), attempt);
        KafkaDefaults node = defaults.forNode("kafka-source", "in", Map.of("topic", "inv", "connection", "billing"));
        assertThat(node.bootstrapServers()).isEqualTo("billing:9093");
        assertThat(node.clientProperties()).containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("request.timeout.ms", "7000");
        KafkaDefaults plain = defaults.forNode("kafka-sink", "out", Map.of("topic", "acme.out"));
        assertThat(plain.bootstrapServers()).isEqualTo("tenant:9092");
        assertThat(plain.clientProperties()).doesNotContainKey("sasl.jaas.config");
    }

    @Test
    void theAttemptAndTheDefaultsNeverPrintACredential() {
        AttemptContext attempt = AttemptContext.of(deployment());
        assertThat(attempt.toString()).contains("billing").contains("acme").doesNotContain("very-secret-99")
                .doesNotContain("SCRAM");
        assertThat(KafkaConnectorRegistration.defaultsFor(KafkaDefaults.none(), attempt).toString())
                .contains("sasl.jaas.config").doesNotContain("very-secret-99");
    }
}
