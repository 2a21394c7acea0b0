package io.millrace.controlplane.connection.rest;

import static io.millrace.controlplane.security.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.millrace.controlplane.security.TestUsers;
import io.millrace.localstack.quarkus.KeycloakResource;
import io.millrace.localstack.quarkus.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/kafka-connections} against real PostgreSQL and Keycloak: alice (acme admin), bob (acme viewer), carol
 * (globex admin), dave (globex editor). Every response body of the test is collected and checked for the secret
 * plaintexts at the end of each test.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KeycloakResource.class)
class KafkaConnectionResourceIT {

    private static final String PASSWORD = "pw-" + UUID.randomUUID();
    private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\"acme-app\" password=\"" + PASSWORD + "\";";
    private static final String KEY_PASSWORD = "kp-" + UUID.randomUUID();

    @Inject
    AgroalDataSource dataSource;

    private String alice;
    private String bob;
    private String carol;
    private String dave;
    private final List<String> bodies = new ArrayList<>();

    @BeforeEach
    void login() {
        alice = TestUsers.token("alice");
        bob = TestUsers.token("bob");
        carol = TestUsers.token("carol");
        dave = TestUsers.token("dave");
    }

    private Response call(String bearer, String method, String path, Object body) {
        Response response = body == null ? as(bearer).request(method, path)
                : as(bearer).contentType("application/json").body(body).request(method, path);
        bodies.add(response.asString());
        return response;
    }

    private static Map<String, Object> connection(String name, Map<String, String> properties, List<String> prefixes) {
        Map<String, Object> body = new HashMap<>();
        if (name != null) {
            body.put("name", name);
        }
        body.put("bootstrapServers", "kafka-1.billing.example:9093,kafka-2.billing.example:9093");
        body.put("properties", properties);
        if (prefixes != null) {
            body.put("allowedTopicPrefixes", prefixes);
        }
        return body;
    }

    private void assertNoSecretInAnyBody() {
        assertThat(bodies).isNotEmpty().allSatisfy(body -> assertThat(body).doesNotContain(PASSWORD)
                .doesNotContain(KEY_PASSWORD).doesNotContain("acme-app"));
    }

    @Test
    void createListGetUpdateDeleteNeverShowASecretAndAreAudited() throws SQLException {
        String name = "billing-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> properties = Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", JAAS);
        call(alice, "POST", "/api/v1/kafka-connections", connection(name, properties, List.of("inv."))).then()
                .statusCode(201).header("Location", containsString("/api/v1/kafka-connections/" + name))
                .body("name", equalTo(name))
                .body("bootstrapServers", equalTo("kafka-1.billing.example:9093,kafka-2.billing.example:9093"))
                .body("properties.'sasl.jaas.config'", equalTo("***"))
                .body("properties.'security.protocol'", equalTo("***"))
                .body("allowedTopicPrefixes", equalTo(List.of("inv.")))
                .body("createdBy", equalTo(TestUsers.userId(alice)));

        // The database holds ciphertext only, with the key id.
        Map<String, String> row = rawRow(name);
        assertThat(row.get("client_properties")).contains("sasl.jaas.config").doesNotContain(PASSWORD)
                .doesNotContain("acme-app").doesNotContain("PlainLoginModule").doesNotContain("SASL_SSL");
        assertThat(row.get("key_id")).hasSize(16);

        // A viewer of acme reads it (to pick it in a spec), masked; a second create is a conflict.
        call(bob, "GET", "/api/v1/kafka-connections/" + name, null).then().statusCode(200)
                .body("properties.'sasl.jaas.config'", equalTo("***"));
        List<String> names = call(alice, "GET", "/api/v1/kafka-connections", null).then().statusCode(200)
                .extract().jsonPath().getList("name");
        assertThat(names).contains(name);
        call(alice, "POST", "/api/v1/kafka-connections", connection(name, properties, null)).then().statusCode(409);

        // PUT: "***" and unmentioned properties keep their values, a new one is added, null removes one.
        Map<String, String> change = new HashMap<>();
        change.put("sasl.jaas.config", "***");
        change.put("ssl.key.password", KEY_PASSWORD);
        change.put("sasl.mechanism", null);
        String before = rawRow(name).get("client_properties");
        call(alice, "PUT", "/api/v1/kafka-connections/" + name, connection(null, change, List.of("inv.", "pay.")))
                .then().statusCode(200).body("properties.keySet()", equalTo(java.util.Set.of("sasl.jaas.config",
                        "security.protocol", "ssl.key.password")))
                .body("allowedTopicPrefixes", equalTo(List.of("inv.", "pay.")));
        Map<String, String> updated = rawRow(name);
        assertThat(updated.get("client_properties")).doesNotContain(KEY_PASSWORD).doesNotContain(PASSWORD);
        // The kept value is the same ciphertext as before (never decrypted and re-encrypted by an edit).
        assertThat(sealed(updated.get("client_properties"), "sasl.jaas.config"))
                .isEqualTo(sealed(before, "sasl.jaas.config"));

        // Audit: create, update, delete with hashes, never a value.
        call(alice, "DELETE", "/api/v1/kafka-connections/" + name, null).then().statusCode(204);
        call(alice, "GET", "/api/v1/kafka-connections/" + name, null).then().statusCode(404);
        Response audit = call(alice, "GET", "/api/v1/audit?resourceType=kafka_connection", null);
        audit.then().statusCode(200);
        List<String> actions = audit.jsonPath().getList("entries.findAll { it.resourceId == '" + name
                + "' }.action");
        assertThat(actions).containsExactly("kafka-connection.delete", "kafka-connection.update",
                "kafka-connection.create");
        List<String> afterHashes = audit.jsonPath().getList("entries.findAll { it.resourceId == '" + name
                + "' }.afterHash");
        assertThat(afterHashes.get(2)).startsWith("sha256:");
        assertThat(afterHashes.get(1)).startsWith("sha256:").isNotEqualTo(afterHashes.get(2));
        assertThat(afterHashes.get(0)).isNull();
        assertNoSecretInAnyBody();
    }

    @Test
    void viewersAndEditorsCannotWriteAndOtherTenantsSeeNothing() {
        String name = "rbac-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> properties = Map.of("sasl.jaas.config", JAAS);
        call(bob, "POST", "/api/v1/kafka-connections", connection(name, properties, null)).then().statusCode(403);
        call(dave, "POST", "/api/v1/kafka-connections", connection(name, properties, null)).then().statusCode(403);
        call(alice, "POST", "/api/v1/kafka-connections", connection(name, properties, null)).then().statusCode(201);
        call(bob, "PUT", "/api/v1/kafka-connections/" + name, connection(null, Map.of(), null)).then()
                .statusCode(403);
        call(bob, "DELETE", "/api/v1/kafka-connections/" + name, null).then().statusCode(403);

        // globex: its admin gets 404 on every operation and does not list it; its editor cannot write at all.
        call(carol, "GET", "/api/v1/kafka-connections/" + name, null).then().statusCode(404);
        call(carol, "PUT", "/api/v1/kafka-connections/" + name, connection(null, Map.of(), null)).then()
                .statusCode(404);
        call(carol, "DELETE", "/api/v1/kafka-connections/" + name, null).then().statusCode(404);
        assertThat(call(carol, "GET", "/api/v1/kafka-connections", null).then().statusCode(200).extract()
                .jsonPath().getList("name")).doesNotContain(name);
        call(dave, "PUT", "/api/v1/kafka-connections/" + name, connection(null, Map.of(), null)).then()
                .statusCode(403);
        // Still there, unchanged, for acme.
        call(alice, "GET", "/api/v1/kafka-connections/" + name, null).then().statusCode(200)
                .body("properties.'sasl.jaas.config'", equalTo("***"));
        assertNoSecretInAnyBody();
    }

    @Test
    void badRequestsNameTheFieldAndNeverEchoAValue() {
        call(alice, "POST", "/api/v1/kafka-connections", connection("Bad_Name", Map.of(
                "ssl.truststore.location", "/etc/passwd", "sasl.login.callback.handler.class", "x.Y",
                "sasl.jaas.config", "com.sun.security.auth.module.JndiLoginModule required password=\"" + PASSWORD
                        + "\";"), null)).then().statusCode(400)
                .body("type", equalTo("https://millrace.dev/problems/invalid-request"))
                .body("errors.field", org.hamcrest.Matchers.hasItems("name", "properties.ssl.truststore.location",
                        "properties.sasl.login.callback.handler.class", "properties.sasl.jaas.config"));
        assertNoSecretInAnyBody();
    }

    @Test
    void submitAcceptsAKnownConnectionAndRefusesUnknownOnesAndRawClusters() {
        String name = "jobs-" + UUID.randomUUID().toString().substring(0, 8);
        call(alice, "POST", "/api/v1/kafka-connections", connection(name, Map.of(), List.of("inv."))).then()
                .statusCode(201);
        String ok = spec("{id: in, type: kafka-source, topic: inv.orders, connection: " + name + "}",
                "{id: out, type: kafka-sink, inputs: [in], topic: inv.out, connection: " + name + "}");
        submit(alice, ok).then().statusCode(201).body("state", equalTo("CREATED"));
        // The same spec in globex: that tenant has no such connection.
        submit(carol, ok).then().statusCode(400).body("detail", containsString("no Kafka connection '" + name
                + "' in tenant globex; an admin creates it under /api/v1/kafka-connections"));
        submit(alice, spec("{id: in, type: kafka-source, topic: hr.pay, connection: " + name + "}",
                "{id: out, type: kafka-sink, inputs: [in], topic: inv.out, connection: " + name + "}")).then()
                .statusCode(400).body("detail", containsString("'hr.pay' must start with 'inv.'"));
        submit(alice, spec("{id: in, type: kafka-source, topic: x, bootstrapServers: 'evil.example:9092'}",
                "{id: out, type: kafka-sink, inputs: [in], topic: acme.out}")).then().statusCode(400)
                .body("detail", containsString("naming a Kafka cluster directly is not allowed"));
    }

    private static String spec(String... nodes) {
        return """
                apiVersion: millrace.io/v1
                kind: Pipeline
                metadata: {name: connections-it}
                spec:
                  parallelism: 1
                  nodes:
                """ + String.join("\n", java.util.Arrays.stream(nodes).map(n -> "    - " + n).toList()) + "\n";
    }

    private static Response submit(String bearer, String spec) {
        return as(bearer).contentType("application/yaml").body(spec.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/jobs");
    }

    private Map<String, String> rawRow(String name) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT client_properties, key_id FROM kafka_connection WHERE tenant_id = 'acme' AND name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("row of %s", name).isTrue();
                return Map.of("client_properties", row.getString(1), "key_id", row.getString(2));
            }
        }
    }

    private static String sealed(String json, String property) {
        return io.restassured.path.json.JsonPath.from(json).getString("'" + property + "'");
    }
}
