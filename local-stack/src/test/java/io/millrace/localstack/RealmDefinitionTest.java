package io.millrace.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The realm file says what the README promises (the Keycloak IT proves Keycloak accepts it). */
class RealmDefinitionTest {

    private final JsonNode realm = load();

    @Test
    void threeClientsWithTheirFlows() {
        JsonNode console = client("millrace-console");
        assertThat(console.path("publicClient").asBoolean()).isTrue();
        assertThat(console.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(console.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");

        JsonNode cli = client("millrace-cli");
        assertThat(cli.path("publicClient").asBoolean()).isTrue();
        assertThat(cli.path("directAccessGrantsEnabled").asBoolean()).isTrue();

        JsonNode api = client("millrace-api");
        assertThat(api.path("publicClient").asBoolean()).isFalse();
        assertThat(api.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(api.path("secret").asText()).contains("dev");
    }

    @Test
    void rolesAndUsersOfTwoTenants() {
        List<String> roles = new ArrayList<>();
        realm.path("roles").path("realm").forEach(role -> roles.add(role.path("name").asText()));
        assertThat(roles).containsExactlyInAnyOrder("admin", "editor", "viewer");

        Map<String, List<String>> expected = Map.of("alice", List.of("acme", "admin"), "bob", List.of("acme",
                "viewer"), "carol", List.of("globex", "admin"), "dave", List.of("globex", "editor"));
        expected.forEach((username, tenantAndRole) -> {
            JsonNode user = find(realm.path("users"), "username", username);
            assertThat(user.path("attributes").path("tenant").get(0).asText()).isEqualTo(tenantAndRole.get(0));
            assertThat(user.path("realmRoles").toString()).contains(tenantAndRole.get(1));
            assertThat(user.path("emailVerified").asBoolean()).isTrue();
            assertThat(user.path("requiredActions")).isEmpty();
            assertThat(user.path("credentials").get(0).path("value").asText()).isEqualTo(username + "-dev-password");
        });
    }

    @Test
    void theTenantAttributeIsDeclaredAndMappedIntoTokens() throws Exception {
        String profile = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0)
                .path("config").path("kc.user.profile.config").get(0).asText();
        JsonNode attributes = new ObjectMapper().readTree(profile).path("attributes");
        assertThat(find(attributes, "name", "tenant").path("permissions").path("edit").toString())
                .isEqualTo("[\"admin\"]");
        for (String clientId : List.of("millrace-console", "millrace-cli")) {
            JsonNode mappers = client(clientId).path("protocolMappers");
            assertThat(find(mappers, "protocolMapper", "oidc-usermodel-attribute-mapper").path("config")
                    .path("claim.name").asText()).isEqualTo("tenant");
            assertThat(find(mappers, "protocolMapper", "oidc-audience-mapper").path("config")
                    .path("included.client.audience").asText()).isEqualTo("millrace-api");
        }
    }

    private JsonNode client(String clientId) {
        return find(realm.path("clients"), "clientId", clientId);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(node -> node.path(field).asText().equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no element with " + field + "=" + value));
    }

    private static JsonNode load() {
        try (InputStream in = KeycloakLauncher.class.getResourceAsStream(KeycloakLauncher.REALM_RESOURCE)) {
            return new ObjectMapper().readTree(in);
        } catch (Exception e) {
            throw new AssertionError("realm resource unreadable", e);
        }
    }
}
