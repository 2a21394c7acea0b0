package io.millrace.controlplane.tenant.rest;

import static io.millrace.controlplane.security.TestUsers.as;
import static io.millrace.controlplane.security.TestUsers.userId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.millrace.controlplane.security.TestUsers;
import io.millrace.localstack.quarkus.KeycloakResource;
import io.millrace.localstack.quarkus.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tenants and members with real Keycloak users: the just-in-time bootstrap, the database winning over the JWT
 * afterwards, several tenants per user, the last-admin rule, and isolation between acme and globex.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KeycloakResource.class)
class MemberResourceIT {

    private String alice;
    private String bob;
    private String carol;

    @BeforeEach
    void tokens() {
        alice = TestUsers.token("alice");
        bob = TestUsers.token("bob");
        carol = TestUsers.token("carol");
    }

    @Test
    void firstSightCreatesTheMembershipFromTheClaims() {
        String bobId = userId(bob);
        as(bob).get("/api/v1/tenants/current").then().statusCode(200)
                .body("id", equalTo("acme")).body("role", equalTo("viewer")).body("username", equalTo("bob"));
        List<String> members = as(alice).get("/api/v1/members").then().statusCode(200).extract().jsonPath()
                .getList("userId");
        assertThat(members).contains(bobId, userId(alice));
        List<String> joins = as(alice).queryParam("action", "member.join").get("/api/v1/audit").then()
                .statusCode(200).extract().jsonPath().getList("entries.resourceId");
        assertThat(joins).contains(bobId);
        as(alice).get("/api/v1/tenants").then().statusCode(200)
                .body("find { it.id == 'acme' }.role", equalTo("admin"));
    }

    @Test
    void addUpdateAndRemoveAMember() {
        String user = "user-" + UUID.randomUUID();
        as(alice).contentType("application/json").body(Map.of("role", "viewer", "username", "eve"))
                .put("/api/v1/members/" + user).then().statusCode(201).body("role", equalTo("viewer"));
        as(alice).contentType("application/json").body(Map.of("role", "EDITOR"))
                .put("/api/v1/members/" + user).then().statusCode(200).body("role", equalTo("editor"))
                .body("username", equalTo("eve"));
        as(alice).delete("/api/v1/members/" + user).then().statusCode(204);
        as(alice).delete("/api/v1/members/" + user).then().statusCode(404);
        List<String> members = as(alice).get("/api/v1/members").then().extract().jsonPath().getList("userId");
        assertThat(members).doesNotContain(user);
        List<String> actions = as(alice).queryParam("resourceType", "member").get("/api/v1/audit").then()
                .extract().jsonPath().getList("entries.findAll { it.resourceId == '" + user + "' }.action");
        assertThat(actions).containsExactly("member.remove", "member.update", "member.add");
        as(alice).contentType("application/json").body(Map.of("role", "viewer"))
                .put("/api/v1/members/" + "user-" + UUID.randomUUID()).then().statusCode(400)
                .body("errors[0].field", equalTo("username"));
    }

    @Test
    void theDatabaseWinsOverTheTokenAfterwards() {
        String bobId = userId(bob);
        try {
            as(alice).delete("/api/v1/members/" + bobId).then().statusCode(204);
            as(bob).get("/api/v1/tenants/current").then().statusCode(403)
                    .contentType("application/problem+json").body("detail", containsString("removed"));
        } finally {
            as(alice).contentType("application/json").body(Map.of("role", "viewer"))
                    .put("/api/v1/members/" + bobId).then().statusCode(201);
        }
        as(bob).get("/api/v1/tenants/current").then().statusCode(200).body("role", equalTo("viewer"));
    }

    @Test
    void theLastAdminStays() {
        String aliceId = userId(alice);
        as(alice).contentType("application/json").body(Map.of("role", "editor"))
                .put("/api/v1/members/" + aliceId).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("last admin"));
        as(alice).delete("/api/v1/members/" + aliceId).then().statusCode(409);
        as(alice).get("/api/v1/tenants/current").then().body("role", equalTo("admin"));
    }

    @Test
    void aUserOfSeveralTenantsChoosesWithTheHeader() {
        String aliceId = userId(alice);
        as(carol).contentType("application/json").body(Map.of("role", "viewer", "username", "alice"))
                .put("/api/v1/members/" + aliceId).then().statusCode(201);
        try {
            List<String> tenants = as(alice).get("/api/v1/tenants").then().statusCode(200).extract().jsonPath()
                    .getList("id");
            assertThat(tenants).contains("acme", "globex");
            as(alice).header("Millrace-Tenant", "globex").get("/api/v1/tenants/current").then().statusCode(200)
                    .body("id", equalTo("globex")).body("role", equalTo("viewer"));
            as(alice).header("Millrace-Tenant", "globex").get("/api/v1/members").then().statusCode(403);
        } finally {
            as(carol).delete("/api/v1/members/" + aliceId).then().statusCode(204);
        }
        as(alice).header("Millrace-Tenant", "globex").get("/api/v1/tenants/current").then().statusCode(403);
    }

    @Test
    void anotherTenantIsNotFound() {
        String bobId = userId(bob);
        as(bob).header("Millrace-Tenant", "globex").get("/api/v1/tenants/current").then().statusCode(404)
                .contentType("application/problem+json");
        as(bob).header("Millrace-Tenant", "no-such-tenant").get("/api/v1/tenants/current").then().statusCode(404);
        as(bob).header("Millrace-Tenant", "Not A Slug!").get("/api/v1/tenants/current").then().statusCode(404);
        List<String> globexMembers = as(carol).get("/api/v1/members").then().statusCode(200).extract().jsonPath()
                .getList("userId");
        assertThat(globexMembers).doesNotContain(bobId, userId(alice));
        as(carol).delete("/api/v1/members/" + bobId).then().statusCode(404);
        as(carol).header("Millrace-Tenant", "acme").get("/api/v1/members").then().statusCode(404);
        List<String> globexAudit = as(carol).get("/api/v1/audit").then().statusCode(200).extract().jsonPath()
                .getList("entries.resourceId");
        assertThat(globexAudit).doesNotContain(bobId);
        as(bob).get("/api/v1/tenants/current").then().statusCode(200).body("id", equalTo("acme"));
    }
}
