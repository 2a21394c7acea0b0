package io.millrace.controlplane.api;

import static io.millrace.controlplane.security.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.millrace.controlplane.security.TestUsers;
import io.millrace.localstack.quarkus.KeycloakResource;
import io.millrace.localstack.quarkus.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;

/**
 * Random bodies at the token and member write endpoints: never a 5xx, and a 4xx leaves the tenant's tokens, members and
 * audit log exactly as they were (no partial write). The bodies come from jqwik generators; the test itself is a
 * Quarkus test (jqwik's own engine cannot host the Quarkus application), so there is no shrinking: a failure prints
 * the body.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KeycloakResource.class)
class WriteEndpointsFuzzIT {

    private static final int BODIES = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager db;

    private static Arbitrary<Object> leaf() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
                Arbitraries.of("read", "write", "admin", "viewer", "editor", "ADMIN", "", "2020-01-01T00:00:00Z",
                        "2999-01-01T00:00:00Z").map(s -> (Object) s),
                Arbitraries.integers().between(-5, 400).map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
    }

    private static Arbitrary<Object> value() {
        return Arbitraries.oneOf(leaf(), leaf().list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(5), leaf()).ofMaxSize(2)
                        .map(m -> (Object) m));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Close to a valid token request: right keys, values from valid and invalid ones. */
    private static Arbitrary<String> nearlyValidToken() {
        return Combinators.combine(Arbitraries.strings().ofMaxLength(120),
                Arbitraries.of("read", "write", "admin", "root").list().ofMaxSize(3),
                Arbitraries.integers().between(-1, 400).injectNull(0.3))
                .as((name, scopes, ttl) -> {
                    java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
                    body.put("name", name);
                    body.put("scopes", scopes);
                    if (ttl != null) {
                        body.put("ttlDays", ttl);
                    }
                    return json(body);
                });
    }

    /** Close to a valid member request. */
    private static Arbitrary<String> nearlyValidMember() {
        return Combinators.combine(Arbitraries.of("viewer", "editor", "admin", "Owner", ""),
                Arbitraries.strings().ofMaxLength(300).injectNull(0.2))
                .as((role, username) -> {
                    java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
                    body.put("role", role);
                    if (username != null) {
                        body.put("username", username);
                    }
                    return json(body);
                });
    }

    private static Arbitrary<String> body(Arbitrary<String> nearlyValid) {
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of("name", "scopes", "ttlDays", "expiresAt", "role",
                "username"), Arbitraries.strings().ofMaxLength(8));
        Arbitrary<String> object = Arbitraries.maps(key, value()).ofMaxSize(5).map(map -> {
            try {
                return JSON.writeValueAsString(map);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Arbitrary<String> truncated = Combinators.combine(object, Arbitraries.integers().between(0, 30))
                .as((text, cut) -> text.substring(0, Math.min(cut, text.length())));
        Arbitrary<String> garbage = Arbitraries.strings().ofMaxLength(60);
        Arbitrary<String> otherJson = value().map(v -> {
            try {
                return JSON.writeValueAsString(v);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, nearlyValid), net.jqwik.api.Tuple.of(4, object), net.jqwik.api.Tuple.of(2, truncated),
                net.jqwik.api.Tuple.of(1, garbage), net.jqwik.api.Tuple.of(1, otherJson));
    }

    private List<Long> snapshot(String tenant) {
        return QuarkusTransaction.requiringNew().call(() -> List.of(
                count("SELECT count(*) FROM api_token WHERE tenant_id = ?1", tenant),
                count("SELECT count(*) FROM member WHERE tenant_id = ?1", tenant),
                count("SELECT count(*) FROM audit_entry WHERE tenant_id = ?1", tenant),
                count("SELECT coalesce(sum(extract(epoch FROM updated_at) * 1000), 0)::bigint FROM member"
                        + " WHERE tenant_id = ?1", tenant)));
    }

    private long count(String sql, String tenant) {
        return ((Number) db.createNativeQuery(sql).setParameter(1, tenant).getSingleResult()).longValue();
    }

    @Test
    void randomBodiesNeverFailTheServerNorWritePartially() {
        String dave = TestUsers.token("dave");
        String carol = TestUsers.token("carol");
        as(dave).get("/api/v1/tenants/current").then().statusCode(200);
        as(carol).get("/api/v1/tenants/current").then().statusCode(200);
        int tokensAccepted = 0;
        for (String text : body(nearlyValidToken()).sampleStream().limit(BODIES).toList()) {
            tokensAccepted += send(text, () -> as(dave).contentType("application/json").body(text)
                    .post("/api/v1/tokens"));
        }
        int membersAccepted = 0;
        for (String text : body(nearlyValidMember()).sampleStream().limit(BODIES).toList()) {
            String user = "fuzz-" + UUID.randomUUID();
            membersAccepted += send(text, () -> as(carol).contentType("application/json").body(text)
                    .put("/api/v1/members/" + user));
        }
        // The generators also make valid bodies: some writes must have gone through, or the test proves nothing.
        assertThat(tokensAccepted).isPositive();
        assertThat(membersAccepted).isPositive();
    }

    private int send(String text, java.util.function.Supplier<Response> call) {
        List<Long> before = snapshot("globex");
        Response response = call.get();
        int status = response.statusCode();
        assertThat(status).as("status for body %s: %s", text, response.asString()).isLessThan(500);
        List<Long> after = snapshot("globex");
        if (status >= 400) {
            assertThat(response.contentType()).as("body %s", text).startsWith("application/problem+json");
            assertThat(after).as("no write for a refused body %s", text).isEqualTo(before);
            return 0;
        }
        assertThat(after.get(2)).as("audited: %s", text).isEqualTo(before.get(2) + 1);
        return 1;
    }

}
