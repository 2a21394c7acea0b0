package io.millrace.controlplane.pipeline.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/pipelines} and {@code /api/v1/catalog} against real PostgreSQL and Keycloak. No worker connects, so
 * deployed jobs wait in CREATED: enough for the REST layer (states are driven through the job store elsewhere).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KeycloakResource.class)
class PipelineResourceIT {

    private ApiUsers users;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void login() {
        users = ApiUsers.login();
    }

    private static Response put(String token, String name, String spec) {
        return given().auth().oauth2(token).contentType("application/yaml")
                .body(spec.getBytes(StandardCharsets.UTF_8)).put("/api/v1/pipelines/" + name);
    }

    @Test
    void applyCreatesThenAddsVersionsOnlyWhenTheSpecChanges() throws SQLException {
        String name = Specs.freshName();
        long auditBefore = audits(name);
        Response created = put(users.alice(), name, Specs.yaml(name, 10));
        created.then().statusCode(201).header("Location", containsString("/api/v1/pipelines/" + name))
                .body("outcome", equalTo("CREATED")).body("latestVersion", equalTo(1))
                .body("latest.author", equalTo("alice")).body("latest.format", equalTo("YAML"))
                .body("description", equalTo("keyed bids"));
        String etag1 = created.header("ETag");
        assertThat(etag1).startsWith("\"").endsWith("\"");

        // The same text again: 200, nothing new, no audit entry, same ETag.
        put(users.alice(), name, Specs.yaml(name, 10)).then().statusCode(200).body("outcome", equalTo("UNCHANGED"))
                .body("latestVersion", equalTo(1)).header("ETag", equalTo(etag1));
        assertThat(audits(name)).isEqualTo(auditBefore + 1);

        // A changed text: version 2, a new ETag, audited with before/after hashes of the two specs.
        Response v2 = put(users.alice(), name, Specs.yaml(name, 20));
        v2.then().statusCode(200).body("outcome", equalTo("VERSION_ADDED")).body("latestVersion", equalTo(2));
        assertThat(v2.header("ETag")).isNotEqualTo(etag1);
        assertThat(audits(name)).isEqualTo(auditBefore + 2);
        assertThat(lastAuditHashes(name)).containsExactly(sha(Specs.yaml(name, 10)), sha(Specs.yaml(name, 20)));

        given().auth().oauth2(users.bob()).get("/api/v1/pipelines/" + name).then().statusCode(200)
                .header("ETag", equalTo(v2.header("ETag"))).body("latest.version", equalTo(2))
                .body("latest.spec", equalTo(Specs.yaml(name, 20)));
        given().auth().oauth2(users.bob()).get("/api/v1/pipelines").then().statusCode(200)
                .body("name", hasItem(name)).body("latest.spec", everyItem(nullValue()));
        given().auth().oauth2(users.bob()).get("/api/v1/pipelines/" + name + "/versions").then().statusCode(200)
                .body("version", equalTo(List.of(2, 1))).body("specHash[1]", equalTo(sha(Specs.yaml(name, 10))));
        // A version is served exactly as sent, in its own format.
        String v1 = given().auth().oauth2(users.bob()).get("/api/v1/pipelines/" + name + "/versions/1").then()
                .statusCode(200).contentType(startsWith("application/yaml")).extract().asString();
        assertThat(v1).isEqualTo(Specs.yaml(name, 10));
        given().auth().oauth2(users.bob()).get("/api/v1/pipelines/" + name + "/versions/3").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no version 3"));
        String diff = given().auth().oauth2(users.bob()).get("/api/v1/pipelines/" + name + "/versions/1/diff/2")
                .then().statusCode(200).extract().asString();
        assertThat(diff).startsWith("--- " + name + "@1\n+++ " + name + "@2\n@@ ")
                .contains("-    - {id: big, type: filter, inputs: [bids], expression: \"value.price > 10\"}\n")
                .contains("+    - {id: big, type: filter, inputs: [bids], expression: \"value.price > 20\"}\n");
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndTheCurrentOneApplies() {
        String name = Specs.freshName();
        String etag1 = put(users.alice(), name, Specs.yaml(name, 1)).then().statusCode(201).extract().header("ETag");
        String etag2 = given().auth().oauth2(users.alice()).header("If-Match", etag1).contentType("application/yaml")
                .body(Specs.yaml(name, 2).getBytes(StandardCharsets.UTF_8)).put("/api/v1/pipelines/" + name)
                .then().statusCode(200).extract().header("ETag");
        // Someone still holding version 1's ETag loses: 412, nothing written.
        given().auth().oauth2(users.alice()).header("If-Match", etag1).contentType("application/yaml")
                .body(Specs.yaml(name, 3).getBytes(StandardCharsets.UTF_8)).put("/api/v1/pipelines/" + name)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("https://millrace.dev/problems/precondition-failed"))
                .body("detail", containsString("now version 2"));
        given().auth().oauth2(users.alice()).header("If-Match", etag1).delete("/api/v1/pipelines/" + name).then()
                .statusCode(412);
        given().auth().oauth2(users.alice()).get("/api/v1/pipelines/" + name).then().body("latestVersion",
                equalTo(2));
        // If-Match on a pipeline that does not exist cannot match.
        String other = Specs.freshName();
        given().auth().oauth2(users.alice()).header("If-Match", "*").contentType("application/yaml")
                .body(Specs.yaml(other, 1).getBytes(StandardCharsets.UTF_8)).put("/api/v1/pipelines/" + other)
                .then().statusCode(412);
        given().auth().oauth2(users.alice()).header("If-Match", etag2).delete("/api/v1/pipelines/" + name).then()
                .statusCode(204);
        given().auth().oauth2(users.alice()).get("/api/v1/pipelines/" + name).then().statusCode(404);
    }

    @Test
    void postCreatesOnceAndAcceptsJson() {
        String name = Specs.freshName();
        given().auth().oauth2(users.alice()).contentType("application/json").body(Specs.json(name))
                .post("/api/v1/pipelines").then().statusCode(201).body("latest.format", equalTo("JSON"));
        given().auth().oauth2(users.alice()).contentType("application/json").body(Specs.json(name))
                .post("/api/v1/pipelines").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://millrace.dev/problems/pipeline-exists"));
        given().auth().oauth2(users.alice()).get("/api/v1/pipelines/" + name + "/versions/1").then().statusCode(200)
                .contentType(startsWith("application/json")).body("metadata.name", equalTo(name));
    }

    @Test
    void anInvalidSpecIsA400WithLineAndColumnAndWritesNothing() throws SQLException {
        String name = Specs.freshName();
        String broken = Specs.yaml(name, 1).replace("type: filter", "type: filtre");
        long rowsBefore = count("SELECT count(*) FROM pipeline_version") + count("SELECT count(*) FROM pipeline");
        put(users.alice(), name, broken).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://millrace.dev/problems/invalid-spec"))
                .body("errors[0].pointer", equalTo("/spec/nodes/1/type"))
                .body("errors[0].field", equalTo("spec.nodes[1].type"))
                .body("errors[0].line", equalTo(9)).body("errors[0].column", notNullValue())
                .body("errors[0].message", containsString("filtre"));
        given().auth().oauth2(users.alice()).contentType("application/yaml")
                .body(broken.getBytes(StandardCharsets.UTF_8)).post("/api/v1/pipelines").then().statusCode(400);
        assertThat(count("SELECT count(*) FROM pipeline_version") + count("SELECT count(*) FROM pipeline"))
                .isEqualTo(rowsBefore);
        // A spec sent to another name's URL.
        put(users.alice(), name, Specs.yaml("elsewhere", 1)).then().statusCode(400)
                .body("errors[0].field", equalTo("metadata.name"));
        given().auth().oauth2(users.alice()).get("/api/v1/pipelines/" + name).then().statusCode(404);
    }

    @Test
    void validateAndPlanAnswerFromPipelineSpec() {
        String name = Specs.freshName();
        given().auth().oauth2(users.bob()).contentType("application/yaml")
                .body(Specs.yaml(name, 1).getBytes(StandardCharsets.UTF_8)).urlEncodingEnabled(false).post("/api/v1/pipelines:validate")
                .then().statusCode(200).body("valid", equalTo(true)).body("errors", hasSize(0));
        given().auth().oauth2(users.bob()).contentType("application/yaml")
                .body(Specs.yaml(name, 1).replace("inputs: [big]", "inputs: [nowhere]")
                        .getBytes(StandardCharsets.UTF_8))
                .urlEncodingEnabled(false).post("/api/v1/pipelines:validate").then().statusCode(200).body("valid", equalTo(false))
                .body("errors[0].code", equalTo("unknown-input")).body("errors[0].path", notNullValue())
                .body("errors[0].line", equalTo(12)).body("errors[0].column", notNullValue())
                .body("errors[0].hint", notNullValue());
        // The chained plan: bids+big chained (FORWARD, same parallelism), then a HASH edge into count+out.
        given().auth().oauth2(users.bob()).contentType("application/yaml")
                .body(Specs.yaml(name, 1).getBytes(StandardCharsets.UTF_8)).urlEncodingEnabled(false).post("/api/v1/pipelines:plan")
                .then().statusCode(200).body("name", equalTo(name)).body("chains", hasSize(2))
                .body("chains[0].operators.id", equalTo(List.of("bids", "big")))
                .body("chains[1].operators.id", equalTo(List.of("count", "out")))
                .body("chains[1].keyed", equalTo(true)).body("chains[0].parallelism", equalTo(2))
                .body("subtasks", equalTo(4))
                .body("edges", hasSize(1)).body("edges[0].partitioning", equalTo("HASH"))
                .body("edges[0].keyExpression", equalTo("value.bidder"));
        given().auth().oauth2(users.bob()).contentType("application/yaml").body("nodes: [".getBytes(
                StandardCharsets.UTF_8)).urlEncodingEnabled(false).post("/api/v1/pipelines:plan").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].line", notNullValue());
    }

    @Test
    void theCatalogServesTheSchemaKindsAndExamples() {
        given().auth().oauth2(users.bob()).get("/api/v1/catalog").then().statusCode(200)
                .body("schema.'$schema'", containsString("2020-12"))
                .body("kinds.name", hasItem("window-aggregate")).body("kinds.name", hasItem("datagen-source"))
                .body("kinds.find { it.name == 'kafka-source' }.role", equalTo("source"))
                .body("kinds.find { it.name == 'kafka-source' }.connector", equalTo(true))
                .body("kinds.find { it.name == 'window-aggregate' }.sideOutputs", hasItem("late"));
        given().auth().oauth2(users.dave()).get("/api/v1/catalog/examples").then().statusCode(200)
                .body("id", hasItem("word-count")).body("id", hasItem("nexmark/q5-hot-items"))
                .body("find { it.id == 'word-count' }.spec", containsString("name: word-count"));
    }

    @Test
    void deployingAVersionMakesAJobThatNamesItAndBlocksDeletion() {
        String name = Specs.freshName();
        put(users.alice(), name, Specs.yaml(name, 1)).then().statusCode(201);
        put(users.alice(), name, Specs.yaml(name, 2)).then().statusCode(200);
        String jobId = given().auth().oauth2(users.alice()).contentType("application/json")
                .body("{\"version\": 1, \"parallelism\": 1}").post("/api/v1/pipelines/" + name + "/deploy").then()
                .statusCode(201).header("Location", containsString("/api/v1/jobs/"))
                .body("pipeline.name", equalTo(name)).body("pipeline.version", equalTo(1))
                .body("parallelism", equalTo(1)).body("desiredState", equalTo("RUNNING"))
                .body("state", equalTo("CREATED")).extract().path("id");
        given().auth().oauth2(users.alice()).queryParam("pipeline", name).get("/api/v1/jobs").then().statusCode(200)
                .body("id", equalTo(List.of(jobId)));
        given().auth().oauth2(users.alice()).queryParam("pipeline", name).queryParam("state", "RUNNING")
                .get("/api/v1/jobs").then().statusCode(200).body("id", hasSize(0));
        given().auth().oauth2(users.alice()).delete("/api/v1/pipelines/" + name).then().statusCode(409)
                .body("type", equalTo("https://millrace.dev/problems/pipeline-in-use"));
        // The newest version by default.
        String second = given().auth().oauth2(users.alice()).contentType("application/json").body("{}")
                .post("/api/v1/pipelines/" + name + "/deploy").then().statusCode(201)
                .body("pipeline.version", equalTo(2)).extract().path("id");
        given().auth().oauth2(users.alice()).contentType("application/json").body("{\"version\": 7}")
                .post("/api/v1/pipelines/" + name + "/deploy").then().statusCode(404);
        given().auth().oauth2(users.alice()).contentType("application/json")
                .body("{\"fromSavepoint\": {\"jobId\": \"" + jobId + "\", \"checkpointId\": 1}}")
                .post("/api/v1/pipelines/" + name + "/deploy").then().statusCode(404)
                .body("detail", containsString("has no checkpoint or savepoint 1"));
        for (String id : List.of(jobId, second)) {
            given().auth().oauth2(users.alice()).post("/api/v1/jobs/" + id + "/stop").then().statusCode(200)
                    .body("state", equalTo("CANCELED")).body("desiredState", equalTo("STOPPED"));
        }
        given().auth().oauth2(users.alice()).delete("/api/v1/pipelines/" + name).then().statusCode(204);
        // The ended jobs keep naming what they ran.
        given().auth().oauth2(users.alice()).get("/api/v1/jobs/" + jobId).then().statusCode(200)
                .body("pipeline.version", equalTo(1));
    }

    @Test
    void anotherTenantSeesNoneOfItAndCannotTouchIt() throws SQLException {
        String name = Specs.freshName();
        put(users.alice(), name, Specs.yaml(name, 1)).then().statusCode(201);
        String jobId = given().auth().oauth2(users.alice()).contentType("application/json").body("{}")
                .post("/api/v1/pipelines/" + name + "/deploy").then().statusCode(201).extract().path("id");
        String base = "/api/v1/pipelines/" + name;
        for (String path : List.of(base, base + "/versions", base + "/versions/1", base + "/versions/1/diff/1")) {
            given().auth().oauth2(users.carol()).get(path).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("no pipeline '" + name + "' in tenant globex"));
        }
        given().auth().oauth2(users.carol()).get("/api/v1/pipelines").then().body("name", everyItem(
                org.hamcrest.Matchers.not(equalTo(name))));
        given().auth().oauth2(users.carol()).delete(base).then().statusCode(404);
        given().auth().oauth2(users.carol()).contentType("application/json").body("{}").post(base + "/deploy")
                .then().statusCode(404);
        given().auth().oauth2(users.carol()).queryParam("pipeline", name).get("/api/v1/jobs").then()
                .statusCode(404);
        // Carol applying the same name creates HER pipeline; alice's is untouched.
        put(users.carol(), name, Specs.yaml(name, 5)).then().statusCode(201).body("latestVersion", equalTo(1));
        given().auth().oauth2(users.alice()).get(base).then().statusCode(200)
                .body("latest.spec", equalTo(Specs.yaml(name, 1)));
        given().auth().oauth2(users.carol()).get("/api/v1/jobs/" + jobId).then().statusCode(404);
        given().auth().oauth2(users.alice()).post("/api/v1/jobs/" + jobId + "/stop").then().statusCode(200);
        assertThat(count("SELECT count(*) FROM pipeline WHERE name = '" + name + "'")).isEqualTo(2);
    }

    /** Role × endpoint: bob (viewer) reads everything and writes nothing; dave (editor) writes. */
    @Test
    void viewersReadAndEditorsWrite() {
        String name = Specs.freshName();
        put(users.dave(), name, Specs.yaml(name, 1)).then().statusCode(201).body("latest.author", equalTo("dave"));
        String acme = Specs.freshName();
        put(users.alice(), acme, Specs.yaml(acme, 1)).then().statusCode(201);
        byte[] spec = Specs.yaml(acme, 2).getBytes(StandardCharsets.UTF_8);
        record Call(String method, String path, String contentType, byte[] body, int viewerStatus) {
        }
        String p = "/api/v1/pipelines/" + acme;
        List<Call> calls = List.of(
                new Call("GET", "/api/v1/pipelines", null, null, 200),
                new Call("GET", p, null, null, 200),
                new Call("GET", p + "/versions", null, null, 200),
                new Call("GET", p + "/versions/1", null, null, 200),
                new Call("GET", p + "/versions/1/diff/1", null, null, 200),
                new Call("GET", "/api/v1/catalog", null, null, 200),
                new Call("POST", "/api/v1/pipelines:validate", "application/yaml", spec, 200),
                new Call("POST", "/api/v1/pipelines:plan", "application/yaml", spec, 200),
                new Call("POST", "/api/v1/pipelines", "application/yaml",
                        Specs.yaml(Specs.freshName(), 1).getBytes(StandardCharsets.UTF_8), 403),
                new Call("PUT", p, "application/yaml", spec, 403),
                new Call("DELETE", p, null, null, 403),
                new Call("POST", p + "/deploy", "application/json", "{}".getBytes(StandardCharsets.UTF_8), 403));
        for (Call call : calls) {
            // ':' unencoded (see SpecCheckResources).
            var request = given().urlEncodingEnabled(false).auth().oauth2(users.bob());
            if (call.contentType() != null) {
                request = request.contentType(call.contentType()).body(call.body());
            }
            Response response = request.request(call.method(), call.path());
            assertThat(response.statusCode()).as("bob (viewer) %s %s", call.method(), call.path())
                    .isEqualTo(call.viewerStatus());
            if (call.viewerStatus() == 403) {
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.jsonPath().getString("detail")).contains("editor");
            }
        }
        given().auth().oauth2(users.alice()).get(p).then().body("latestVersion", equalTo(1));
        given().get("/api/v1/pipelines").then().statusCode(401);
        given().get("/api/v1/catalog").then().statusCode(401);
    }

    private long audits(String name) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE resource_type = 'pipeline' AND resource_id = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private List<String> lastAuditHashes(String name) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT before_hash, after_hash FROM audit_entry WHERE resource_type = 'pipeline'"
                        + " AND resource_id = ? ORDER BY id DESC LIMIT 1")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return List.of(r.getString(1), r.getString(2));
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String sha(String text) {
        return io.millrace.controlplane.pipeline.service.SpecHash.of(text);
    }
}
