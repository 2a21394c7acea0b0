package io.millrace.controlplane.console;

import io.millrace.localstack.quarkus.KafkaResource;
import io.millrace.localstack.quarkus.KeycloakResource;
import io.millrace.localstack.quarkus.PostgresResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The control plane as a user meets it through the console: real PostgreSQL, Keycloak (OIDC on: the browser signs in
 * on Keycloak's own login page) and Kafka (the control plane's own producer; the deployed word-count generates its
 * input and writes files, so it needs no topic), with checkpoints every second so that savepoints and rates show
 * quickly.
 */
public class ConsoleTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "millrace.jobs.checkpoint-interval", "1s",
                "millrace.jobs.cancel-timeout", "10s",
                "millrace.jobs.checkpoint-cleanup-interval", "1s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class), new TestResourceEntry(KeycloakResource.class),
                new TestResourceEntry(KafkaResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
