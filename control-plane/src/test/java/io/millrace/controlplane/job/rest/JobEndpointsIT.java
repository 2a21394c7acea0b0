package io.millrace.controlplane.job.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.millrace.controlplane.job.JobState;
import io.millrace.controlplane.job.persistence.JobEntity;
import io.millrace.controlplane.job.restart.RestartPolicy;
import io.millrace.controlplane.job.restart.RestartPolicyCodec;
import io.millrace.controlplane.job.service.JobStore;
import io.millrace.controlplane.worker.service.WorkerJobMessage;
import io.millrace.localstack.KeycloakTokens;
import io.millrace.localstack.SharedServers;
import io.millrace.localstack.quarkus.KeycloakResource;
import io.millrace.localstack.quarkus.PostgresResource;
import io.millrace.protocol.v1.NodeGauge;
import io.millrace.protocol.v1.TaskMetricsSample;
import io.millrace.protocol.v1.TaskRef;
import io.millrace.protocol.v1.WorkerMessage;
import io.millrace.protocol.v1.WorkerMetrics;
import io.millrace.spec.compile.SpecCompiler;
import io.millrace.spec.parse.Format;
import io.millrace.spec.plan.PlanCodec;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The job endpoints of issue 7 against real PostgreSQL and Keycloak. No worker connects: jobs wait in CREATED, which
 * is enough for the REST layer; failure histories are written through the job store, metrics arrive as the gateway's
 * CDI event carrying a real protocol message.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KeycloakResource.class)
class JobEndpointsIT {

    private String alice;
    private String bob;
    private String carol;

    @Inject
    JobStore store;

    @Inject
    Event<WorkerJobMessage> workerMessages;

    @BeforeEach
    void tokens() {
        alice = token("alice");
        bob = token("bob");
        carol = token("carol");
    }

    private static String token(String user) {
        return KeycloakTokens.passwordGrant(SharedServers.keycloak(), "millrace-cli", user, user + "-dev-password");
    }

    private static String spec() throws IOException {
        try (InputStream in = JobEndpointsIT.class.getResourceAsStream("/specs/keyed-count.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String submit(String token) throws IOException {
        return given().auth().oauth2(token).contentType("application/yaml").body(spec().getBytes(
                StandardCharsets.UTF_8)).post("/api/v1/jobs/submit").then().statusCode(201)
                .body("state", equalTo("CREATED")).body("pipeline", nullValue()).extract().path("id");
    }

    @Test
    void illegalTransitionsAre409sNamingTheStateAndRestartMakesANewJob() throws IOException {
        String id = submit(alice);
        String job = "/api/v1/jobs/" + id;
        given().auth().oauth2(alice).get(job + "/status").then().statusCode(200).body("id", equalTo(id))
                .body("desiredState", equalTo("RUNNING"));
        given().auth().oauth2(alice).post(job + "/savepoint").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://millrace.dev/problems/job-state-conflict"))
                .body("detail", containsString("is CREATED"));
        given().auth().oauth2(alice).contentType("application/json").body("{\"parallelism\": 3}")
                .post(job + "/rescale").then().statusCode(409).body("detail", containsString("is CREATED"));
        given().auth().oauth2(alice).post(job + "/resume").then().statusCode(409)
                .body("detail", containsString("no usable checkpoint"));
        given().auth().oauth2(alice).post(job + "/stop").then().statusCode(200).body("state", equalTo("CANCELED"))
                .body("desiredState", equalTo("STOPPED"));
        // Stop a stopped job: 409 naming the current state, for every stopping path.
        for (String op : List.of("/stop", "/cancel", "/stop-with-savepoint", "/savepoints")) {
            given().auth().oauth2(alice).post(job + op).then().statusCode(409)
                    .contentType("application/problem+json").body("detail", containsString("is CANCELED"));
        }
        // Restart: a NEW job of the same spec (nothing to restore: from scratch).
        Response restarted = given().auth().oauth2(alice).post(job + "/restart");
        restarted.then().statusCode(201).body("state", equalTo("CREATED")).body("name", equalTo("cp-keyed-count"));
        String next = restarted.path("id");
        assertThat(next).isNotEqualTo(id);
        given().auth().oauth2(alice).post("/api/v1/jobs/" + next + "/stop").then().statusCode(200);
        given().auth().oauth2(alice).queryParam("state", "CANCELED").get("/api/v1/jobs").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItems(id, next));
        given().auth().oauth2(alice).queryParam("state", "SLEEPING").get("/api/v1/jobs").then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
    }

    @Test
    void theExceptionsHistoryListsEveryFailureWithItsCause() throws IOException {
        var compiled = SpecCompiler.standard().compile(spec(), Format.YAML);
        UUID id = store.create(JobEntity.created(UUID.randomUUID(), "acme", "failing", spec(), "YAML",
                new PlanCodec().toJson(compiled.plan().orElseThrow()), null,
                new RestartPolicyCodec().toJson(new RestartPolicy.FixedDelay(1, 10)), 60_000, 600_000,
                Instant.now())).id();
        store.deployNextAttempt(id, "deployed");
        store.transition(id, JobState.FAILING, "task count#1 failed: division by zero");
        store.transition(id, JobState.RESTARTING, "restarting in 10 ms");
        store.deployNextAttempt(id, "attempt 2");
        store.transition(id, JobState.FAILING, "worker w-2 lost: heartbeat deadline passed");
        store.transition(id, JobState.FAILED, "restart strategy exhausted: worker w-2 lost");

        given().auth().oauth2(bob).get("/api/v1/jobs/" + id + "/exceptions").then().statusCode(200)
                .body("", hasSize(3))
                .body("attempt", equalTo(List.of(1, 2, 2)))
                .body("outcome", equalTo(List.of("FAILING", "FAILING", "FAILED")))
                .body("[0].cause", equalTo("task count#1 failed: division by zero"))
                .body("[2].cause", equalTo("restart strategy exhausted: worker w-2 lost"))
                .body("[0].at", notNullValue());
        given().auth().oauth2(carol).get("/api/v1/jobs/" + id + "/exceptions").then().statusCode(404);
        given().auth().oauth2(alice).post("/api/v1/jobs/" + id + "/stop").then().statusCode(409)
                .body("detail", containsString("is FAILED"));
    }

    @Test
    void metricsAreTheLatestWorkerReportsPerTask() throws IOException {
        String id = submit(alice);
        given().auth().oauth2(bob).get("/api/v1/jobs/" + id + "/metrics").then().statusCode(200)
                .body("tasks", hasSize(0)).body("recordsInPerSecond", nullValue()).body("bottleneck", nullValue());
        report(id, 1_000, 0.1);
        report(id, 4_000, 0.4);
        // Only the count chain (count + out, the job's sink chain) reported: the job has no records-in rate yet (they
        // are its source chain's), and count's records out are the job's.
        given().auth().oauth2(bob).get("/api/v1/jobs/" + id + "/metrics").then().statusCode(200)
                .body("state", equalTo("CREATED"))
                .body("tasks", hasSize(1)).body("tasks[0].chainId", equalTo("count"))
                .body("tasks[0].recordsIn", equalTo(4_000)).body("tasks[0].workerId", equalTo("metrics-worker"))
                .body("tasks[0].recordsInPerSecond", greaterThan(0f))
                .body("tasks[0].busyRatio", nullValue())
                .body("recordsInPerSecond", nullValue()).body("recordsOutPerSecond", equalTo(0f))
                .body("maxBackpressureRatio", equalTo(0.4f))
                .body("bottleneck", nullValue());
        report(id, "bids", 2_000, 2_000, 0);
        report(id, "bids", 6_000, 6_000, 0);
        given().auth().oauth2(bob).get("/api/v1/jobs/" + id + "/metrics").then().statusCode(200)
                .body("tasks", hasSize(2)).body("recordsInPerSecond", greaterThan(0f))
                .body("recordsOutPerSecond", equalTo(0f));
        given().auth().oauth2(carol).get("/api/v1/jobs/" + id + "/metrics").then().statusCode(404);
        given().auth().oauth2(alice).post("/api/v1/jobs/" + id + "/stop").then().statusCode(200);
    }

    @Test
    void metricsCarryTheIntervalSharesWatermarkLagKafkaLagPerNodeAndTheBottleneck() throws IOException {
        String id = submit(alice);
        // The plan of keyed-count.yaml: chains bids (source, 2 subtasks) and count (count + out, 2 subtasks). The
        // source waits on count, which is saturated: count is the bottleneck.
        long watermark = System.currentTimeMillis() - 60_000;
        workerMessages.fire(metrics(
                sample(id, "bids", 0, 5_000, 5_000, 0.05, 0.05, 0.90, watermark,
                        gauge("bids", "kafka.lag.records", 1_200), gauge("bids", "kafka.lag.seconds", 4)),
                sample(id, "bids", 1, 5_000, 5_000, 0.10, 0.05, 0.85, watermark + 500,
                        gauge("bids", "kafka.lag.records", 300), gauge("bids", "kafka.lag.seconds", 9)),
                sample(id, "count", 0, 5_000, 5_000, 0.98, 0.02, 0.0, watermark),
                sample(id, "count", 1, 5_000, 4_000, 0.90, 0.10, 0.0, watermark)));
        given().auth().oauth2(bob).get("/api/v1/jobs/" + id + "/metrics").then().statusCode(200)
                .body("tasks", hasSize(4))
                .body("tasks.find { it.chainId == 'count' && it.subtask == 1 }.recordsOut", equalTo(4_000))
                .body("tasks.find { it.chainId == 'count' && it.subtask == 0 }.busyRatio", equalTo(0.98f))
                .body("tasks.find { it.chainId == 'bids' && it.subtask == 0 }.idleRatio", equalTo(0.05f))
                .body("tasks.find { it.chainId == 'bids' && it.subtask == 1 }.watermark", equalTo(watermark + 500))
                .body("tasks.find { it.chainId == 'bids' && it.subtask == 0 }.watermarkLagMillis",
                        greaterThanOrEqualTo(60_000))
                .body("tasks.find { it.chainId == 'bids' && it.subtask == 0 }.nodeGauges.bids['kafka.lag.records']",
                        equalTo(1_200))
                .body("nodeGauges.bids['kafka.lag.records']", equalTo(1_500))
                .body("nodeGauges.bids['kafka.lag.seconds']", equalTo(9))
                .body("maxWatermarkLagMillis", greaterThanOrEqualTo(60_000))
                .body("bottleneck.chainId", equalTo("count"))
                .body("bottleneck.subtask", equalTo(0))
                .body("bottleneck.nodes", equalTo(List.of("count", "out")))
                .body("bottleneck.backpressuredInputs[0].chainId", equalTo("bids"))
                .body("bottleneck.reason", containsString("busy 98%"));
        given().auth().oauth2(alice).post("/api/v1/jobs/" + id + "/stop").then().statusCode(200);
    }

    private static TaskMetricsSample sample(String jobId, String chain, int subtask, long in, long out, double busy,
            double idle, double backpressure, long watermark, NodeGauge... gauges) {
        return TaskMetricsSample.newBuilder()
                .setTask(TaskRef.newBuilder().setJobId(jobId).setAttempt(1).setChainId(chain).setSubtask(subtask))
                .setRecordsIn(in).setRecordsOut(out).setBusyRatio(busy).setIdleRatio(idle)
                .setBackpressureRatio(backpressure).setCurrentWatermark(watermark).addAllNodeGauges(List.of(gauges))
                .build();
    }

    private static NodeGauge gauge(String node, String name, long value) {
        return NodeGauge.newBuilder().setNodeId(node).setName(name).setValue(value).build();
    }

    private static WorkerJobMessage metrics(TaskMetricsSample... samples) {
        return new WorkerJobMessage("metrics-worker",
                WorkerMessage.newBuilder().setMetrics(WorkerMetrics.newBuilder().addAllTasks(List.of(samples))).build());
    }

    private void report(String jobId, long recordsIn, double backpressure) {
        report(jobId, "count", recordsIn, 0, backpressure);
    }

    private void report(String jobId, String chain, long recordsIn, long recordsOut, double backpressure) {
        TaskMetricsSample sample = TaskMetricsSample.newBuilder()
                .setTask(TaskRef.newBuilder().setJobId(jobId).setAttempt(1).setChainId(chain).setSubtask(0))
                .setRecordsIn(recordsIn).setRecordsOut(recordsOut).setBackpressureRatio(backpressure).build();
        workerMessages.fire(new WorkerJobMessage("metrics-worker",
                WorkerMessage.newBuilder().setMetrics(WorkerMetrics.newBuilder().addTasks(sample)).build()));
    }

    @Test
    void clusterViewsOfTheSeedApi() throws IOException {
        given().auth().oauth2(bob).get("/api/v1/taskmanagers").then().statusCode(200);
        given().auth().oauth2(bob).get("/api/v1/cluster/metrics").then().statusCode(200)
                .body("slotsTotal", greaterThanOrEqualTo(0)).body("slotsFree", greaterThanOrEqualTo(0))
                .body("workers", greaterThanOrEqualTo(0)).body("runningJobs", equalTo(0));
        given().get("/api/v1/cluster/metrics").then().statusCode(401);
    }

    /** Role × endpoint for jobs: bob (viewer) reads; every operation is 403 and changes nothing. */
    @Test
    void viewersCannotOperateJobs() throws IOException {
        String id = submit(alice);
        String job = "/api/v1/jobs/" + id;
        for (String read : List.of("", "/status", "/checkpoints", "/savepoints", "/exceptions", "/metrics")) {
            given().auth().oauth2(bob).get(job + read).then().statusCode(200);
        }
        given().auth().oauth2(bob).get("/api/v1/jobs").then().statusCode(200);
        for (String op : List.of("/stop", "/cancel", "/stop-with-savepoint", "/savepoint", "/savepoints",
                "/restart", "/resume")) {
            given().auth().oauth2(bob).post(job + op).then().statusCode(403)
                    .contentType("application/problem+json").body("detail", containsString("editor"));
        }
        given().auth().oauth2(bob).contentType("application/json").body("{\"parallelism\": 1}")
                .post(job + "/rescale").then().statusCode(403);
        given().auth().oauth2(bob).contentType("application/yaml").body(spec().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/jobs").then().statusCode(403);
        given().auth().oauth2(alice).get(job).then().body("state", equalTo("CREATED"))
                .body("desiredState", equalTo("RUNNING"));
        // Another tenant: 404 on everything of the job.
        for (String read : List.of("", "/status", "/checkpoints", "/savepoints", "/exceptions", "/metrics")) {
            given().auth().oauth2(carol).get(job + read).then().statusCode(404);
        }
        for (String op : List.of("/stop", "/stop-with-savepoint", "/savepoint", "/restart", "/resume")) {
            given().auth().oauth2(carol).post(job + op).then().statusCode(404);
        }
        given().auth().oauth2(alice).post(job + "/stop").then().statusCode(200);
    }
}
