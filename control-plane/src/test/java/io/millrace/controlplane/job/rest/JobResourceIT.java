package io.millrace.controlplane.job.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.millrace.localstack.KeycloakTokens;
import io.millrace.localstack.SharedServers;
import io.millrace.localstack.quarkus.KeycloakResource;
import io.millrace.localstack.quarkus.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/jobs} with real Keycloak tokens: alice is in tenant acme, carol in globex. No worker is connected, so
 * submitted jobs wait in CREATED with the reason; that is enough to prove tenancy and the error bodies.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KeycloakResource.class)
class JobResourceIT {

    private String alice;
    private String carol;

    @BeforeEach
    void tokens() {
        alice = KeycloakTokens.passwordGrant(SharedServers.keycloak(), "millrace-cli", "alice", "alice-dev-password");
        carol = KeycloakTokens.passwordGrant(SharedServers.keycloak(), "millrace-cli", "carol", "carol-dev-password");
    }

    private static String spec() throws IOException {
        try (InputStream in = JobResourceIT.class.getResourceAsStream("/specs/keyed-count.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String submitAsAlice() throws IOException {
        return given().auth().oauth2(alice).contentType("application/yaml").body(spec().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/jobs").then().statusCode(201)
                .body("state", equalTo("CREATED"))
                .extract().path("id");
    }

    @Test
    void aTenantSeesAndChangesOnlyItsOwnJobs() throws IOException {
        String id = submitAsAlice();
        given().auth().oauth2(alice).get("/api/v1/jobs/" + id).then().statusCode(200)
                .body("name", equalTo("cp-keyed-count"));
        List<String> aliceJobs = given().auth().oauth2(alice).get("/api/v1/jobs").then().statusCode(200)
                .extract().jsonPath().getList("id");
        assertThat(aliceJobs).contains(id);

        List<String> carolJobs = given().auth().oauth2(carol).get("/api/v1/jobs").then().statusCode(200)
                .extract().jsonPath().getList("id");
        assertThat(carolJobs).doesNotContain(id);
        for (String path : List.of("", "/checkpoints")) {
            given().auth().oauth2(carol).get("/api/v1/jobs/" + id + path).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("no job " + id + " in tenant globex"));
        }
        for (String operation : List.of("/cancel", "/savepoints", "/stop")) {
            given().auth().oauth2(carol).post("/api/v1/jobs/" + id + operation).then().statusCode(404);
        }
        given().auth().oauth2(carol).contentType("application/json").body("{\"parallelism\": 3}")
                .post("/api/v1/jobs/" + id + "/rescale").then().statusCode(404);
        // Carol's attempts changed nothing: alice cancels her still-waiting job herself.
        given().auth().oauth2(alice).get("/api/v1/jobs/" + id).then().statusCode(200)
                .body("state", equalTo("CREATED"));
        given().auth().oauth2(alice).post("/api/v1/jobs/" + id + "/cancel").then().statusCode(200)
                .body("state", equalTo("CANCELED"));
    }

    @Test
    void aWaitingJobShowsWhyAndOperationsThatNeedARunningJobAreConflicts() throws IOException {
        String id = submitAsAlice();
        io.restassured.RestAssured.given().auth().oauth2(alice).get("/api/v1/jobs/" + id).then().statusCode(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> {
            String reason = given().auth().oauth2(alice).get("/api/v1/jobs/" + id).then().extract()
                    .path("stateReason");
            return reason != null && reason.startsWith("waiting for slots: needs 4 slots");
        });
        given().auth().oauth2(alice).post("/api/v1/jobs/" + id + "/savepoints").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("cannot take a savepoint: job " + id + " is CREATED, it must be RUNNING"));
        given().auth().oauth2(alice).post("/api/v1/jobs/" + id + "/cancel").then().statusCode(200);
        given().auth().oauth2(alice).post("/api/v1/jobs/" + id + "/cancel").then().statusCode(409)
                .body("detail", containsString("is CANCELED"));
    }

    @Test
    void anInvalidSpecCreatesNoJobAndSaysWhereAndWhy() {
        int before = given().auth().oauth2(alice).get("/api/v1/jobs").then().extract().jsonPath().getList("id")
                .size();
        given().auth().oauth2(alice).contentType("application/yaml")
                .body(("apiVersion: millrace.io/v1\nkind: Pipeline\nmetadata: {name: bad}\nspec:\n  nodes:\n"
                        + "    - {id: a, type: no-such-kind}\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/jobs").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("the spec is not valid: spec:"))
                .body("detail", containsString("no-such-kind"));
        given().auth().oauth2(alice).contentType("application/yaml").body("x: 1".getBytes(StandardCharsets.UTF_8)).queryParam("parallelism", 0)
                .post("/api/v1/jobs").then().statusCode(400);
        int after = given().auth().oauth2(alice).get("/api/v1/jobs").then().extract().jsonPath().getList("id").size();
        assertThat(after).isEqualTo(before);
        given().auth().oauth2(alice).get("/api/v1/jobs/not-a-uuid").then().statusCode(404)
                .body("detail", containsString("is not a job id"));
    }

    @Test
    void jobsNeedAToken() {
        given().get("/api/v1/jobs").then().statusCode(401);
        given().contentType("application/yaml").body("x".getBytes(StandardCharsets.UTF_8)).post("/api/v1/jobs").then().statusCode(401);
    }
}
