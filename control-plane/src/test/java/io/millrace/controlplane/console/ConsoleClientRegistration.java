package io.millrace.controlplane.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millrace.localstack.KeycloakServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Registers the console's origin of this test run on the Keycloak client {@code millrace-console}, as an operator
 * registers where the console is served. Why at run time and not in the realm file: the test's HTTP port is random,
 * and Keycloak matches redirect URIs only with a trailing {@code *} and web origins (CORS of the token endpoint, which
 * the console calls from the browser) only exactly — no port wildcard exists for either. The realm file keeps the
 * fixed local-stack ports.
 */
final class ConsoleClientRegistration {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT_ID = "millrace-console";

    private final KeycloakServer keycloak;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ConsoleClientRegistration(KeycloakServer keycloak) {
        this.keycloak = keycloak;
    }

    /** Adds {@code origin + "/*"} as a redirect URI and {@code origin} as a web origin (idempotent). */
    void allow(String origin) {
        String token = adminToken();
        String clients = keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/clients";
        JsonNode found = send(HttpRequest.newBuilder(URI.create(clients + "?clientId=" + CLIENT_ID)).GET(), token);
        if (!found.isArray() || found.isEmpty()) {
            throw new IllegalStateException("Keycloak realm '" + KeycloakServer.REALM + "' has no client '" + CLIENT_ID
                    + "': is the local-stack realm file imported?");
        }
        ObjectNode client = (ObjectNode) found.get(0);
        addOnce(client.withArray("redirectUris"), origin + "/*");
        addOnce(client.withArray("webOrigins"), origin);
        send(HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asText()))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(client.toString())), token);
    }

    private static void addOnce(ArrayNode values, String value) {
        for (JsonNode existing : values) {
            if (existing.asText().equals(value)) {
                return;
            }
        }
        values.add(value);
    }

    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=" + enc(keycloak.adminUsername())
                + "&password=" + enc(keycloak.adminPassword());
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl()
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), null);
        return answer.get("access_token").asText();
    }

    private JsonNode send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Keycloak admin API " + built.method() + " " + built.uri()
                        + " answered HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak admin API unreachable at " + built.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling Keycloak's admin API", e);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
