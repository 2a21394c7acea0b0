package io.millrace.controlplane.security.rest;

import static io.millrace.controlplane.security.TestUsers.apiToken;
import static io.millrace.controlplane.security.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.millrace.controlplane.security.CallerCache;
import io.millrace.controlplane.security.TestUsers;
import io.millrace.localstack.quarkus.KeycloakResource;
import io.millrace.localstack.quarkus.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API tokens end to end with real Keycloak users and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KeycloakResource.class)
class TokenResourceIT {

    @Inject
    EntityManager db;

    @Inject
    CallerCache callerCache;

    private String alice;
    private String bob;
    private String carol;
    private String dave;

    @BeforeEach
    void tokens() {
        alice = TestUsers.token("alice");
        bob = TestUsers.token("bob");
        carol = TestUsers.token("carol");
        dave = TestUsers.token("dave");
    }

    @Test
    void createUseListAndRevoke() {
        var created = as(alice).contentType("application/json")
                .body(Map.of("name", "ci", "scopes", List.of("read"), "ttlDays", 7))
                .post("/api/v1/tokens").then().statusCode(201)
                .body("secret", startsWith("mr_"))
                .body("scopes", equalTo(List.of("read")))
                .body("lastUsedAt", nullValue())
                .extract();
        String secret = created.path("secret");
        String id = created.path("id");
        assertThat(secret.substring(0, 11)).isEqualTo(created.<String>path("prefix"));

        as(secret).get("/api/v1/tenants/current").then().statusCode(200)
                .body("id", equalTo("acme")).body("apiToken", equalTo(true)).body("role", equalTo("viewer"))
                .body("scopes", equalTo(List.of("read")));

        var listed = as(alice).get("/api/v1/tokens").then().statusCode(200).extract().jsonPath();
        Map<String, Object> mine = listed.<Map<String, Object>>getList("").stream()
                .filter(token -> id.equals(token.get("id"))).findFirst().orElseThrow();
        assertThat(mine).doesNotContainKeys("secret", "secretSha256", "hash").containsEntry("name", "ci");
        assertThat(mine.get("lastUsedAt")).as("last use recorded").isNotNull();
        assertThat(listed.prettify()).doesNotContain(secret);

        as(alice).delete("/api/v1/tokens/" + id).then().statusCode(200).body("revokedAt", notNullValue());
        as(secret).get("/api/v1/tenants/current").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("was revoked"));

        List<String> actions = as(alice).queryParam("resourceType", "api_token").get("/api/v1/audit").then()
                .statusCode(200).extract().jsonPath().getList("entries.findAll { it.resourceId == '" + id
                        + "' }.action");
        assertThat(actions).containsExactly("token.revoke", "token.create");
    }

    @Test
    void anExpiredTokenIs401() {
        String secret = apiToken(alice, "short-lived", List.of("read"));
        as(secret).get("/api/v1/tenants/current").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> db.createNativeQuery(
                "UPDATE api_token SET expires_at = now() - interval '1 second' WHERE prefix = ?1")
                .setParameter(1, secret.substring(0, 11)).executeUpdate());
        // Changed behind the service's back: the cached answer would stand for up to the cache's TTL.
        callerCache.invalidate();
        as(secret).get("/api/v1/tenants/current").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("expired at"));
    }

    @Test
    void lastUsedIsWrittenAtMostOncePerMinute() {
        String secret = apiToken(alice, "busy", List.of("read"));
        for (int i = 0; i < 5; i++) {
            as(secret).get("/api/v1/tenants/current").then().statusCode(200);
        }
        Object first = lastUsed(secret);
        assertThat(first).isNotNull();
        as(secret).get("/api/v1/tenants/current").then().statusCode(200);
        assertThat(lastUsed(secret)).as("a second use within the minute writes nothing").isEqualTo(first);
    }

    private Object lastUsed(String secret) {
        return QuarkusTransaction.requiringNew().call(() -> db.createNativeQuery(
                "SELECT last_used_at FROM api_token WHERE prefix = ?1").setParameter(1, secret.substring(0, 11))
                .getSingleResult());
    }

    @Test
    void aTokenNeverDoesMoreThanItsScopesOrItsCreator() {
        String write = apiToken(dave, "dave-write", List.of("write"));
        as(write).get("/api/v1/tenants/current").then().body("role", equalTo("editor"));
        // dave is an editor: he cannot grant admin
        as(dave).contentType("application/json").body(Map.of("name", "x", "scopes", List.of("admin")))
                .post("/api/v1/tokens").then().statusCode(400).body("errors[0].field", equalTo("scopes[0]"));
        // carol's admin token with only the read scope is a viewer
        String carolRead = apiToken(carol, "carol-read", List.of("read"));
        as(carolRead).get("/api/v1/members").then().statusCode(403);
        // tokens cannot mint tokens
        String carolAdmin = apiToken(carol, "carol-admin", List.of("admin"));
        as(carolAdmin).get("/api/v1/members").then().statusCode(200);
        as(carolAdmin).contentType("application/json").body(Map.of("name", "y", "scopes", List.of("read")))
                .post("/api/v1/tokens").then().statusCode(403).body("detail", containsString("cannot create"));
        // viewers manage no tokens
        as(bob).contentType("application/json").body(Map.of("name", "b", "scopes", List.of("read")))
                .post("/api/v1/tokens").then().statusCode(403);
    }

    @Test
    void editorsSeeTheirOwnTokensAdminsAll() {
        String daveToken = apiToken(dave, "dave-own", List.of("read"));
        String carolToken = apiToken(carol, "carol-own", List.of("read"));
        String daveId = idOf(dave, daveToken);
        String carolId = idOf(carol, carolToken);
        List<String> daveSees = as(dave).get("/api/v1/tokens").then().extract().jsonPath().getList("id");
        assertThat(daveSees).contains(daveId).doesNotContain(carolId);
        List<String> carolSees = as(carol).get("/api/v1/tokens").then().extract().jsonPath().getList("id");
        assertThat(carolSees).contains(daveId, carolId);
        as(dave).delete("/api/v1/tokens/" + carolId).then().statusCode(404);
        as(carolToken).get("/api/v1/workers").then().statusCode(200);
        as(carol).delete("/api/v1/tokens/" + daveId).then().statusCode(200);
        as(daveToken).get("/api/v1/workers").then().statusCode(401);
    }

    @Test
    void anotherTenantSeesAndChangesNoToken() {
        String aliceToken = apiToken(alice, "acme-only", List.of("read"));
        String aliceId = idOf(alice, aliceToken);
        List<String> carolSees = as(carol).get("/api/v1/tokens").then().extract().jsonPath().getList("id");
        assertThat(carolSees).doesNotContain(aliceId);
        as(carol).delete("/api/v1/tokens/" + aliceId).then().statusCode(404)
                .contentType("application/problem+json");
        as(aliceToken).get("/api/v1/tenants/current").then().statusCode(200);
        // a token acts only in its own tenant
        as(aliceToken).header("Millrace-Tenant", "globex").get("/api/v1/tenants/current").then().statusCode(404);
        as(alice).delete("/api/v1/tokens/" + UUID.randomUUID()).then().statusCode(404);
        as(alice).delete("/api/v1/tokens/not-a-uuid").then().statusCode(404);
    }

    @Test
    void listingNeverShowsSecrets() {
        apiToken(alice, "listed", List.of("read"));
        as(alice).get("/api/v1/tokens").then().statusCode(200).body("[0]", not(hasKey("secret")));
    }

    private static String idOf(String bearer, String secret) {
        return as(bearer).get("/api/v1/tokens").then().extract().jsonPath()
                .getString("find { it.prefix == '" + secret.substring(0, 11) + "' }.id");
    }
}
