package io.millrace.controlplane.worker.grpc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.millrace.localstack.KeycloakTokens;
import io.millrace.localstack.SharedServers;
import io.millrace.localstack.quarkus.KeycloakResource;
import io.millrace.localstack.quarkus.PostgresResource;
import io.millrace.protocol.ProtocolVersion;
import io.millrace.protocol.v1.ControlMessage.KindCase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The control plane with real PostgreSQL and Keycloak (local-stack), and a real gRPC client using the generated stub:
 * registration, heartbeats, refusal, LOST, DISCONNECTED, and the secured REST listing. The test profile sets a 200 ms
 * heartbeat interval and a 1.5 s timeout. Each test uses its own worker id, so the tests do not depend on each other.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KeycloakResource.class)
class WorkerGatewayIT {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TestHTTPResource("/")
    URL root;

    private String aliceToken;

    @BeforeEach
    void token() {
        aliceToken = KeycloakTokens.passwordGrant(SharedServers.keycloak(), "millrace-cli", "alice",
                "alice-dev-password");
    }

    @Test
    void aRegisteredHeartbeatingWorkerIsListedConnectedWithItsSlots() throws Exception {
        try (TestWorkerClient worker = new TestWorkerClient(root.getPort()).connect()) {
            worker.register("it-worker-connected", 6, ProtocolVersion.CURRENT.toString());
            await().atMost(PATIENCE).until(() -> worker.has(KindCase.REGISTRATION_ACCEPTED));
            var accepted = worker.first(KindCase.REGISTRATION_ACCEPTED).getRegistrationAccepted();
            assertThat(accepted.getHeartbeatIntervalMs()).isEqualTo(200);
            assertThat(accepted.getHeartbeatTimeoutMs()).isEqualTo(1500);

            worker.heartbeatEvery(accepted.getHeartbeatIntervalMs(), 5);
            await().atMost(PATIENCE).until(() -> worker.has(KindCase.HEARTBEAT_ACK));
            assertThat(worker.first(KindCase.HEARTBEAT_ACK).getHeartbeatAck().getSeq()).isEqualTo(1);

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(listedWorker("it-worker-connected"))
                    .hasValueSatisfying(row -> assertThat(row)
                            .containsEntry("state", "CONNECTED")
                            .containsEntry("slots", 6)
                            .containsEntry("freeSlots", 5)
                            .containsEntry("host", "test-host")
                            .containsEntry("protocolVersion", ProtocolVersion.CURRENT.toString())));

            // Heartbeating keeps it CONNECTED well past the 1.5 s timeout.
            await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4)).until(
                    () -> "CONNECTED".equals(listedWorker("it-worker-connected").map(r -> r.get("state")).orElse(null)));

            worker.closeStream();
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(listedWorker("it-worker-connected"))
                    .hasValueSatisfying(row -> assertThat(row).containsEntry("state", "DISCONNECTED")));
        }
    }

    @Test
    void anIncompatibleProtocolVersionIsRefusedWithTheReasonAndNotRecorded() throws Exception {
        String otherMajor = (ProtocolVersion.CURRENT.major() + 1) + ".0";
        try (TestWorkerClient worker = new TestWorkerClient(root.getPort()).connect()) {
            worker.register("it-worker-too-new", 4, otherMajor);
            await().atMost(PATIENCE).until(() -> worker.endStatus() != null);
            assertThat(worker.received()).hasSize(1);
            String reason = worker.first(KindCase.REGISTRATION_REFUSED).getRegistrationRefused().getReason();
            assertThat(reason).contains(otherMajor).contains(ProtocolVersion.CURRENT.toString())
                    .contains("major versions must match");
            assertThat(worker.endStatus().getCode()).isEqualTo(Status.Code.OK);
        }
        assertThat(listedWorker("it-worker-too-new")).isEmpty();
    }

    @Test
    void aWorkerThatStopsHeartbeatingBecomesLostAndItsStreamIsClosed() throws Exception {
        try (TestWorkerClient worker = new TestWorkerClient(root.getPort()).connect()) {
            worker.register("it-worker-silent", 2, ProtocolVersion.CURRENT.toString());
            await().atMost(PATIENCE).until(() -> worker.has(KindCase.REGISTRATION_ACCEPTED));
            worker.heartbeat(2);
            await().atMost(PATIENCE).until(() -> worker.has(KindCase.HEARTBEAT_ACK));
            assertThat(listedWorker("it-worker-silent")).hasValueSatisfying(
                    row -> assertThat(row).containsEntry("state", "CONNECTED"));

            // No more heartbeats: the 1.5 s deadline passes.
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(listedWorker("it-worker-silent"))
                    .hasValueSatisfying(row -> assertThat(row).containsEntry("state", "LOST")));
            await().atMost(PATIENCE).until(() -> worker.endStatus() != null);
            assertThat(worker.endStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(worker.endStatus().getDescription()).contains("marked LOST");
        }
        // Closing the already-closed stream does not turn LOST into DISCONNECTED.
        assertThat(listedWorker("it-worker-silent")).hasValueSatisfying(
                row -> assertThat(row).containsEntry("state", "LOST"));
    }

    @Test
    void aHeartbeatBeforeRegistrationIsAProtocolError() throws Exception {
        try (TestWorkerClient worker = new TestWorkerClient(root.getPort()).connect()) {
            worker.heartbeat(1);
            await().atMost(PATIENCE).until(() -> worker.endStatus() != null);
            assertThat(worker.endStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            assertThat(worker.endStatus().getDescription()).contains("first message").contains("RegisterWorker");
        }
    }

    @Test
    void listingWorkersNeedsAValidBearerToken() {
        given().get("/api/v1/workers").then().statusCode(401);
        given().auth().oauth2("not-a-jwt").get("/api/v1/workers").then().statusCode(401);
        // A real token with one character of its signature changed.
        String signature = aliceToken.substring(aliceToken.lastIndexOf('.') + 1);
        char flipped = signature.charAt(10) == 'A' ? 'B' : 'A';
        String forged = aliceToken.substring(0, aliceToken.lastIndexOf('.') + 1) + signature.substring(0, 10) + flipped
                + signature.substring(11);
        given().auth().oauth2(forged).get("/api/v1/workers").then().statusCode(401);
        given().auth().oauth2(aliceToken).get("/api/v1/workers").then().statusCode(200);
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        String ready = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertThat(JsonPath.from(ready).getList("checks.name", String.class))
                .anySatisfy(name -> assertThat(name).containsIgnoringCase("database"));
        given().get("/q/health/live").then().statusCode(200);
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString()).contains("jvm_");
        assertThat(given().get("/q/openapi").then().statusCode(200).extract().asString()).contains("/api/v1/workers");
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    private Optional<Map<String, Object>> listedWorker(String id) {
        List<Map<String, Object>> workers = given().auth().oauth2(aliceToken).get("/api/v1/workers")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return workers.stream().filter(w -> id.equals(w.get("id"))).findFirst();
    }
}
