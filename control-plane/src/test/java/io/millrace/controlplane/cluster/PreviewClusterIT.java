package io.millrace.controlplane.cluster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.millrace.controlplane.worker.grpc.WorkerSessions;
import io.millrace.localstack.KeycloakTokens;
import io.millrace.localstack.SharedServers;
import io.millrace.localstack.quarkus.KeycloakResource;
import io.millrace.localstack.quarkus.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code POST /api/v1/pipelines:preview} end to end: this control plane (real PostgreSQL, real Keycloak tokens) and ONE
 * real worker process (the worker jar) that runs the sandbox. First without any worker (503), then with one: a viewer
 * previews filter + map + keyed window and gets every node's exact output while the file sink's directory stays empty.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PreviewClusterIT {

    private static final Duration WORKER_UP = Duration.ofSeconds(90);

    @TestHTTPResource("/")
    URL root;

    @Inject
    WorkerSessions sessions;

    private String bob;
    private Path run;
    private WorkerFleet fleet;

    @BeforeEach
    void token() {
        // bob is a VIEWER in acme: previews write nothing, so viewers may run them.
        bob = KeycloakTokens.passwordGrant(SharedServers.keycloak(), "millrace-cli", "bob", "bob-dev-password");
    }

    /** RestAssured would send ':' as %3A, which the server's route matching does not decode; browsers send ':'. */
    private static RequestSpecification api() {
        return given().urlEncodingEnabled(false);
    }

    @AfterAll
    void stopWorker() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private void ensureWorker() throws IOException {
        if (fleet != null) {
            return;
        }
        run = Files.createDirectories(Path.of("target", "preview-it", "run-" + System.currentTimeMillis())
                .toAbsolutePath());
        fleet = new WorkerFleet("preview-w", new WorkerProcess.Settings(root.getPort(), run.resolve("workers"),
                run.resolve("checkpoints"), run.resolve("logs"), 1, Map.of()));
        String id = fleet.startWorker().id();
        await().atMost(WORKER_UP).until(() -> sessions.openWorkers().contains(id));
    }

    static String spec(Path fileSinkDir) {
        return """
                apiVersion: millrace.io/v1
                kind: Pipeline
                metadata: {name: preview-orders}
                spec:
                  parallelism: 2
                  nodes:
                    - id: orders
                      type: kafka-source
                      topic: acme.orders
                      format: json
                      watermark: {timestamp: "value.ts", maxOutOfOrderness: 1s}
                    - {id: big, type: filter, inputs: [orders], expression: "value.amount > 10"}
                    - {id: shaped, type: map, inputs: [big], expression: "{'user': value.user, 'double': value.amount * 2}"}
                    - {id: totals, type: window-aggregate, inputs: [big], keyBy: "value.user",
                       window: {type: tumbling, size: 10s}, aggregates: [{name: n, fn: count}]}
                    - {id: out, type: kafka-sink, inputs: [totals], topic: acme.totals}
                    - {id: files, type: file-sink, inputs: [shaped], path: "%s"}
                """.formatted(fileSinkDir);
    }

    static Map<String, Object> order(String user, Object amount, long ts) {
        return Map.of("user", user, "amount", amount, "ts", ts);
    }

    @Test
    @Order(1)
    void withoutAWorkerThePreviewIsA503SayingWhy() {
        api().auth().oauth2(bob).contentType("application/json")
                .body(Map.of("spec", spec(Path.of("unused")), "samples", Map.of("orders", List.of(order("a", 20, 1)))))
                .post("/api/v1/pipelines:preview").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://millrace.dev/problems/no-preview-worker"))
                .body("detail", containsString("no worker is connected"));
    }

    @Test
    @Order(2)
    void aViewerPreviewsEveryNodesOutputAndTheFileSinkWritesNothing() throws IOException {
        ensureWorker();
        Path files = Files.createDirectories(run.resolve("file-sink-out"));

        JsonPath answer = api().auth().oauth2(bob).contentType("application/json")
                .body(Map.of("spec", spec(files), "samples", Map.of("orders", List.of(
                        order("ann", 5, 1_000), order("ann", 20, 2_000), order("bob", 30, 3_000),
                        order("ann", 40, 12_000)))))
                .post("/api/v1/pipelines:preview").then().statusCode(200)
                .extract().jsonPath();

        assertThat(answer.getList("errors")).isEmpty();
        assertThat(answer.getBoolean("limitHit")).isFalse();
        assertThat(answer.getString("workerId")).startsWith("preview-w-");
        assertThat(answer.getInt("nodes.orders.count")).isEqualTo(4);
        assertThat(answer.getList("nodes.big.records.user")).containsExactly("ann", "bob", "ann");
        assertThat(answer.getList("nodes.shaped.records.double")).containsExactly(40, 60, 80);
        List<Map<String, Object>> windows = answer.getList("nodes.totals.records");
        assertThat(windows.stream().map(w -> w.get("key") + "@" + w.get("windowStart") + "=" + w.get("n"))
                .collect(Collectors.toList())).containsExactlyInAnyOrder(
                        "ann@1970-01-01T00:00:00Z=1", "bob@1970-01-01T00:00:00Z=1", "ann@1970-01-01T00:00:10Z=1");
        assertThat(answer.getInt("nodes.out.count")).isEqualTo(3);
        assertThat(answer.getInt("nodes.files.count")).isEqualTo(3);
        try (Stream<Path> written = Files.list(files)) {
            assertThat(written).as("the preview's file sink is a capture: nothing is written").isEmpty();
        }
    }

    @Test
    @Order(3)
    void aCelErrorShowsOnItsNode() throws IOException {
        ensureWorker();
        api().auth().oauth2(bob).contentType("application/json")
                .body(Map.of("spec", spec(run.resolve("never")), "samples", Map.of("orders", List.of(
                        order("ann", "lots", 1_000), order("bob", 30, 2_000)))))
                .post("/api/v1/pipelines:preview").then().statusCode(200)
                .body("errors.nodeId", hasItem("big"))
                .body("deadLetters[0].node", equalTo("big"))
                .body("nodes.big.count", equalTo(1));
    }

    @Test
    @Order(4)
    void aKafkaSourceWithoutSamplesIsNotRunnableAndNamesTheNode() throws IOException {
        ensureWorker();
        api().auth().oauth2(bob).contentType("application/json")
                .body(Map.of("spec", spec(run.resolve("never"))))
                .post("/api/v1/pipelines:preview").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://millrace.dev/problems/preview-not-runnable"))
                .body("detail", containsString("upload samples for node orders"));
        assertThat(run.resolve("never")).doesNotExist();
    }

    @Test
    @Order(5)
    void anInvalidSpecIsA400WithLocatedErrors() {
        String broken = """
                apiVersion: millrace.io/v1
                kind: Pipeline
                metadata: {name: broken}
                spec:
                  nodes:
                    - {id: src, type: kafka-source, topic: acme.in}
                    - {id: f, type: filter, inputs: [nowhere], expression: "true"}
                    - {id: out, type: kafka-sink, inputs: [f], topic: acme.out}
                """;
        api().auth().oauth2(bob).contentType("application/json")
                .body(Map.of("spec", broken, "samples", Map.of()))
                .post("/api/v1/pipelines:preview").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://millrace.dev/problems/invalid-spec"))
                .body("errors[0].line", equalTo(7))
                .body("errors[0].message", containsString("nowhere"));
    }

    @Test
    @Order(6)
    void tooManySampleRecordsIsA413AndAnUnknownFieldA400() {
        List<Map<String, Object>> many = IntStream.range(0, 10_001).mapToObj(i -> order("u", i, i)).toList();
        api().auth().oauth2(bob).contentType("application/json")
                .body(Map.of("spec", spec(Path.of("unused")), "samples", Map.of("orders", many)))
                .post("/api/v1/pipelines:preview").then().statusCode(413)
                .body("type", equalTo("https://millrace.dev/problems/preview-samples-too-large"));
        api().auth().oauth2(bob).contentType("application/json")
                .body(Map.of("spec", spec(Path.of("unused")), "maxRecordPerNode", 3))
                .post("/api/v1/pipelines:preview").then().statusCode(400)
                .body("detail", containsString("unknown field 'maxRecordPerNode'"))
                .body("detail", containsString("maxRecordsPerNode"));
    }

    @Test
    @Order(7)
    void theSchemaOfSamplesIsInferredInTheSpecsForm() {
        api().auth().oauth2(bob).contentType("application/json")
                .body(Map.of("samples", List.of(order("ann", 5, 1_000), Map.of("user", "bob", "amount", 2.5, "ts", 9))))
                .post("/api/v1/pipelines:infer-schema").then().statusCode(200)
                .body("schema.fields.name", containsInAnyOrder("user", "amount", "ts"))
                .body("schema.fields.find { it.name == 'amount' }.type", equalTo("double"))
                .body("schema.fields.find { it.name == 'ts' }.type", equalTo("int"))
                .body("samples", equalTo(2));
    }

    @Test
    @Order(8)
    void withoutATokenThereIsNoPreview() {
        api().contentType("application/json").body(Map.of("spec", "x"))
                .post("/api/v1/pipelines:preview").then().statusCode(401);
    }
}
