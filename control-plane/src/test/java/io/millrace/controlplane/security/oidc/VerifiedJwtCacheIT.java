package io.millrace.controlplane.security.oidc;

import static io.millrace.controlplane.security.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.millrace.controlplane.security.TestUsers;
import io.millrace.localstack.quarkus.KeycloakResource;
import io.millrace.localstack.quarkus.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The verified-JWT cache with real Keycloak tokens: what it answers, and that it answers nothing forged. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KeycloakResource.class)
class VerifiedJwtCacheIT {

    @Inject
    VerifiedJwtCache cache;

    @Test
    void aVerifiedTokenIsRememberedAndServesTheSameCaller() {
        String alice = TestUsers.token("alice");
        String userId = TestUsers.userId(alice);
        assertThat(cache.find(alice)).as("remembered after OIDC verified it").isPresent();
        as(alice).get("/api/v1/tenants/current").then().statusCode(200).body("userId", equalTo(userId))
                .body("role", equalTo("admin"));
    }

    @Test
    void aTokenWithAnAlteredSignatureOrClaimsIsRefusedAfterTheGenuineOneWasCached() {
        String bob = TestUsers.token("bob");
        as(bob).get("/api/v1/tenants/current").then().statusCode(200);
        assertThat(cache.find(bob)).isPresent();

        String[] parts = bob.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        as(badSignature).get("/api/v1/tenants/current").then().statusCode(401);

        Base64.Decoder decoder = Base64.getUrlDecoder();
        String claims = new String(decoder.decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"viewer\"");
        String promoted = Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.replace("\"viewer\"", "\"admin\"").getBytes(StandardCharsets.UTF_8));
        as(parts[0] + "." + promoted + "." + parts[2]).get("/api/v1/members").then().statusCode(401);
        assertThat(cache.find(badSignature)).isEmpty();
    }
}
