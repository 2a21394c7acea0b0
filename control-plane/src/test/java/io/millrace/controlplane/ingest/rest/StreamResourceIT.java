package io.millrace.controlplane.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.millrace.localstack.KeycloakTokens;
import io.millrace.localstack.SharedServers;
import io.millrace.localstack.quarkus.KafkaResource;
import io.millrace.localstack.quarkus.KeycloakResource;
import io.millrace.localstack.quarkus.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/streams/{stream}/records} against real Kafka, PostgreSQL and Keycloak (alice in acme, carol in
 * globex). Records are read back with a plain consumer from the tenant-prefixed topic.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(KafkaResource.class)
class StreamResourceIT {

    private String alice;
    private String carol;

    @BeforeEach
    void tokens() {
        alice = KeycloakTokens.passwordGrant(SharedServers.keycloak(), "millrace-cli", "alice", "alice-dev-password");
        carol = KeycloakTokens.passwordGrant(SharedServers.keycloak(), "millrace-cli", "carol", "carol-dev-password");
    }

    /** rest-assured encodes Strings only for content types it knows; NDJSON goes as bytes. */
    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String uniqueStream() {
        return "s-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedServers.kafka().bootstrapServers());
        return props;
    }

    /** Sum of the end offsets of the topic's partitions: what Kafka holds right now, without waiting. */
    private static long endOffsetTotal(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream()
                    .mapToLong(Long::longValue).sum();
        }
    }

    private static KafkaConsumer<String, String> consumer() {
        Map<String, Object> props = clientProperties();
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props);
    }

    /** Every value of the topic, read from the beginning to the end offsets captured first. */
    private static List<String> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                assertThat(System.nanoTime()).as("read %s to its end offsets within 30 s", topic).isLessThan(deadline);
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }

    private static Set<String> topics() throws Exception {
        try (Admin admin = Admin.create(clientProperties())) {
            return admin.listTopics().names().get();
        }
    }

    @Test
    void aJsonArrayIsWrittenToTheTenantTopicAndAcknowledgedBeforeTheAnswer() {
        String stream = uniqueStream();
        String topic = "acme.stream." + stream;
        given().auth().oauth2(alice).contentType("application/json")
                .body("[{\"n\": 1, \"who\": \"a\"}, {\"n\": 2}, {\"n\": 3, \"nested\": {\"x\": [1, 2]}}]")
                .post("/api/v1/streams/" + stream + "/records").then().statusCode(202)
                .body("accepted", equalTo(3)).body("topic", equalTo(topic)).body("stream", equalTo(stream));
        // Read at once, no waiting: 202 means Kafka already holds all three (acks=all).
        assertThat(endOffsetTotal(topic)).isEqualTo(3);
        assertThat(readAll(topic)).containsExactlyInAnyOrder("{\"n\":1,\"who\":\"a\"}", "{\"n\":2}",
                "{\"n\":3,\"nested\":{\"x\":[1,2]}}");
    }

    @Test
    void ndjsonRecordsAreWrittenOneMessagePerLine() {
        String stream = uniqueStream();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            body.append("{\"i\":").append(i).append("}\n");
        }
        given().auth().oauth2(alice).contentType("application/x-ndjson").body(utf8(body.toString()))
                .post("/api/v1/streams/" + stream + "/records").then().statusCode(202).body("accepted", equalTo(250));
        List<String> values = readAll("acme.stream." + stream);
        assertThat(values).hasSize(250);
        assertThat(values.stream().collect(Collectors.toSet())).hasSize(250).contains("{\"i\":0}", "{\"i\":249}");
    }

    @Test
    void aMalformedRecordAnswers400WithLineAndColumnAndWritesNothing() throws Exception {
        String stream = uniqueStream();
        given().auth().oauth2(alice).contentType("application/x-ndjson").body(utf8("{\"ok\":1}\n{\"ok\":2}\n{\"bad\": }\n"))
                .post("/api/v1/streams/" + stream + "/records").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("malformed JSON at line 3, column 9"));
        // Nothing written: the first two good lines did not reach Kafka (the topic was not even created).
        assertThat(topics()).doesNotContain("acme.stream." + stream);

        given().auth().oauth2(alice).contentType("application/x-ndjson").body(utf8("{\"ok\":1}\n"))
                .post("/api/v1/streams/" + stream + "/records").then().statusCode(202);
        given().auth().oauth2(alice).contentType("application/json").body("[{\"ok\":2}, {\"ok\" 3}]")
                .post("/api/v1/streams/" + stream + "/records").then().statusCode(400)
                .body("detail", containsString("line 1, column 18"));
        assertThat(readAll("acme.stream." + stream)).containsExactly("{\"ok\":1}");
    }

    @Test
    void anOversizeBodyOrRecordAnswers413() {
        String stream = uniqueStream();
        String huge = "{\"x\":\"" + "a".repeat(1_100_000) + "\"}";
        given().auth().oauth2(alice).contentType("application/json").body(huge)
                .post("/api/v1/streams/" + stream + "/records").then().statusCode(413)
                .contentType("application/problem+json").body("detail", containsString("max-record-size"));
        String body = ("{\"x\":\"" + "a".repeat(900_000) + "\"}\n").repeat(5);
        given().auth().oauth2(alice).contentType("application/x-ndjson").body(utf8(body))
                .post("/api/v1/streams/" + stream + "/records").then().statusCode(413)
                .body("detail", containsString("max-request-size"));
    }

    @Test
    void eachTenantWritesOnlyUnderItsOwnPrefix() {
        String stream = uniqueStream();
        given().auth().oauth2(alice).contentType("application/json").body("{\"from\":\"alice\"}")
                .post("/api/v1/streams/" + stream + "/records").then().statusCode(202)
                .body("topic", equalTo("acme.stream." + stream));
        // The same stream name for carol is globex's topic: the prefix comes from the token, never the request.
        given().auth().oauth2(carol).contentType("application/json").body("{\"from\":\"carol\"}")
                .post("/api/v1/streams/" + stream + "/records").then().statusCode(202)
                .body("topic", equalTo("globex.stream." + stream));
        assertThat(readAll("acme.stream." + stream)).containsExactly("{\"from\":\"alice\"}");
        assertThat(readAll("globex.stream." + stream)).containsExactly("{\"from\":\"carol\"}");
        // A stream name cannot smuggle a topic: dots and upper case are refused.
        given().auth().oauth2(carol).contentType("application/json").body("{\"x\":1}")
                .post("/api/v1/streams/acme.stream." + stream + "/records").then().statusCode(400)
                .body("detail", containsString("stream name"));
    }

    @Test
    void withoutATokenNothingIsWritten() {
        given().contentType("application/json").body("{\"x\":1}").post("/api/v1/streams/anon/records").then()
                .statusCode(401);
    }
}
