package io.millrace.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Access tokens from a local Keycloak, for tests of other modules. */
public final class KeycloakTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakTokens() {
    }

    /**
     * An access token for {@code username} from the {@code millrace} realm by the OAuth2 password grant (the client
     * must allow direct access grants, like {@code millrace-cli}).
     *
     * @throws IllegalStateException with Keycloak's error code and description when the grant is refused
     */
    public static String passwordGrant(KeycloakServer keycloak, String clientId, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid");
        String body = form.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI tokenEndpoint = URI.create(keycloak.realmUrl() + "/protocol/openid-connect/token");
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !json.hasNonNull("access_token")) {
                throw new IllegalStateException("Keycloak refused the password grant for user '" + username
                        + "' and client '" + clientId + "' at " + tokenEndpoint + ": HTTP " + response.statusCode()
                        + " " + json.path("error").asText("") + " " + json.path("error_description").asText(""));
            }
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Could not reach Keycloak at " + tokenEndpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking Keycloak for a token", e);
        }
    }
}
