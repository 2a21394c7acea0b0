package io.millrace.controlplane.security;

import static io.millrace.controlplane.security.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.localstack.quarkus.KeycloakResource;
import io.millrace.localstack.quarkus.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Role × endpoint: what viewers (bob, acme), editors (dave, globex), admins (alice, acme) and scoped API tokens get.
 * One table; every cell is asserted.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KeycloakResource.class)
class RbacMatrixIT {

    private record Endpoint(String name, Function<String, Response> call) {
    }

    private record Row(Endpoint endpoint, int viewer, int editor, int admin) {
    }

    private static Response json(String bearer, String method, String path, Object body) {
        return as(bearer).contentType("application/json").body(body).request(method, path);
    }

    @Test
    void everyRoleGetsWhatItMay() {
        Map<String, String> callers = Map.of("viewer", TestUsers.token("bob"), "editor", TestUsers.token("dave"),
                "admin", TestUsers.token("alice"));
        List<Row> table = List.of(
                new Row(new Endpoint("GET tenants", b -> as(b).get("/api/v1/tenants")), 200, 200, 200),
                new Row(new Endpoint("GET tenants/current", b -> as(b).get("/api/v1/tenants/current")), 200, 200, 200),
                new Row(new Endpoint("GET workers", b -> as(b).get("/api/v1/workers")), 200, 200, 200),
                new Row(new Endpoint("GET members", b -> as(b).get("/api/v1/members")), 403, 403, 200),
                new Row(new Endpoint("PUT member", b -> json(b, "PUT", "/api/v1/members/u-" + UUID.randomUUID(),
                        Map.of("role", "viewer", "username", "someone"))), 403, 403, 201),
                new Row(new Endpoint("DELETE member", b -> as(b).delete("/api/v1/members/u-" + UUID.randomUUID())),
                        403, 403, 404),
                new Row(new Endpoint("GET tokens", b -> as(b).get("/api/v1/tokens")), 403, 200, 200),
                new Row(new Endpoint("POST token", b -> json(b, "POST", "/api/v1/tokens",
                        Map.of("name", "rbac", "scopes", List.of("read")))), 403, 201, 201),
                new Row(new Endpoint("DELETE token", b -> as(b).delete("/api/v1/tokens/" + UUID.randomUUID())),
                        403, 404, 404),
                new Row(new Endpoint("GET audit", b -> as(b).get("/api/v1/audit")), 403, 403, 200),
                new Row(new Endpoint("GET auth/config", b -> as(b).get("/api/v1/auth/config")), 200, 200, 200));
        List<String> wrong = new ArrayList<>();
        for (Row row : table) {
            check(wrong, row.endpoint(), "viewer", callers.get("viewer"), row.viewer());
            check(wrong, row.endpoint(), "editor", callers.get("editor"), row.editor());
            check(wrong, row.endpoint(), "admin", callers.get("admin"), row.admin());
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void tokenScopesCapTheRole() {
        String alice = TestUsers.token("alice");
        Map<String, String> tokens = Map.of(
                "read", TestUsers.apiToken(alice, "scope-read", List.of("read")),
                "write", TestUsers.apiToken(alice, "scope-write", List.of("write")),
                "admin", TestUsers.apiToken(alice, "scope-admin", List.of("admin")));
        List<String> wrong = new ArrayList<>();
        Endpoint members = new Endpoint("GET members", b -> as(b).get("/api/v1/members"));
        Endpoint tokenList = new Endpoint("GET tokens", b -> as(b).get("/api/v1/tokens"));
        Endpoint workers = new Endpoint("GET workers", b -> as(b).get("/api/v1/workers"));
        Endpoint ingest = new Endpoint("POST records", b -> as(b).contentType("application/json").body("{}")
                .post("/api/v1/streams/s/records"));
        check(wrong, workers, "read token", tokens.get("read"), 200);
        check(wrong, members, "read token", tokens.get("read"), 403);
        check(wrong, tokenList, "read token", tokens.get("read"), 403);
        check(wrong, ingest, "read token", tokens.get("read"), 403);
        check(wrong, tokenList, "write token", tokens.get("write"), 200);
        check(wrong, members, "write token", tokens.get("write"), 403);
        check(wrong, members, "admin token", tokens.get("admin"), 200);
        check(wrong, ingest, "viewer", TestUsers.token("bob"), 403);
        assertThat(wrong).isEmpty();
    }

    private static void check(List<String> wrong, Endpoint endpoint, String who, String bearer, int expected) {
        Response response = endpoint.call().apply(bearer);
        if (response.statusCode() != expected) {
            wrong.add(endpoint.name() + " as " + who + ": " + response.statusCode() + " (expected " + expected + ") "
                    + response.asString());
        } else if (expected >= 400) {
            assertThat(response.contentType()).as(endpoint.name() + " as " + who).startsWith("application/problem+json");
        }
    }
}
