package io.millrace.controlplane.job.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.localstack.KafkaServer;
import io.millrace.localstack.WithKafka;
import io.millrace.spec.model.PipelineSpec;
import io.millrace.spec.parse.Format;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** Submit-time check of kafka-source topics against the real broker from local-stack. */
@WithKafka
class KafkaTopicCheckIT {

    private static PipelineSpec reading(String topicSetting) {
        String yaml = """
                apiVersion: millrace.io/v1
                kind: Pipeline
                metadata: {name: topic-check}
                spec:
                  parallelism: 1
                  nodes:
                    - {id: in, type: kafka-source, %s}
                    - {id: out, type: kafka-sink, inputs: [in], topic: acme.out-never-created}
                """.formatted(topicSetting);
        return new SpecPlanner().plan(yaml, Format.YAML, null).pipeline();
    }

    @Test
    void aSourceTopicThatDoesNotExistIsReportedWithItsNodeAndSetting(KafkaServer kafka) throws Exception {
        String present = "acme.present-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(present, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        KafkaTopicCheck check = new KafkaTopicCheck(Map.of("bootstrap.servers", kafka.bootstrapServers()));
        try {
            // An existing topic passes; the sink's topic is not checked (brokers may create it on first write).
            assertThatCode(() -> check.check("acme", reading("topic: " + present))).doesNotThrowAnyException();

            String missing = "acme.missing-" + UUID.randomUUID();
            assertThatThrownBy(() -> check.check("acme", reading("topics: [" + present + ", " + missing + "]")))
                    .isInstanceOf(JobOperationException.class)
                    .hasMessageContaining("node 'in' (kafka-source) setting topics[1]")
                    .hasMessageContaining("topic '" + missing + "' does not exist")
                    .hasMessageNotContaining(present);
        } finally {
            check.close();
        }
    }

    @Test
    void anUnreachableClusterDoesNotBlockSubmitting() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        KafkaTopicCheck check = new KafkaTopicCheck(Map.of("bootstrap.servers", "127.0.0.1:" + closedPort));
        try {
            assertThatCode(() -> check.check("acme", reading("topic: acme.anything"))).doesNotThrowAnyException();
        } finally {
            check.close();
        }
    }
}
