package io.millrace.controlplane.security;

import static io.restassured.RestAssured.given;

import io.millrace.localstack.KeycloakTokens;
import io.millrace.localstack.SharedServers;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/**
 * The local-stack realm's users (alice admin and bob viewer of acme, carol admin and dave editor of globex), their
 * access tokens from the real Keycloak, and API tokens created through the API.
 */
public final class TestUsers {

    private TestUsers() {
    }

    public static String token(String user) {
        return KeycloakTokens.passwordGrant(SharedServers.keycloak(), "millrace-cli", user, user + "-dev-password");
    }

    public static RequestSpecification as(String bearer) {
        return given().auth().oauth2(bearer);
    }

    /** The caller's OIDC subject, as the API knows it. */
    public static String userId(String bearer) {
        return as(bearer).get("/api/v1/tenants/current").then().statusCode(200).extract().path("userId");
    }

    /** Creates an API token as {@code bearer} and returns its secret. */
    public static String apiToken(String bearer, String name, List<String> scopes) {
        return as(bearer).contentType("application/json").body(Map.of("name", name, "scopes", scopes, "ttlDays", 1))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("secret");
    }
}
