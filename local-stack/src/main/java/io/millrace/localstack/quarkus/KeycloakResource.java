package io.millrace.localstack.quarkus;

import io.millrace.localstack.KeycloakServer;
import io.millrace.localstack.SharedServers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The JVM's shared {@link KeycloakServer} as Quarkus configuration. */
public final class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        KeycloakServer server = SharedServers.keycloak();
        return Map.of(
                "quarkus.oidc.auth-server-url", server.realmUrl(),
                "millrace.test.keycloak.url", server.baseUrl());
    }

    @Override
    public void stop() {
        // Shared by every test of the JVM: stopped by SharedServers' shutdown hook, not here.
    }
}
