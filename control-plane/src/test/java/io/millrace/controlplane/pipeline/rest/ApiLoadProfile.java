package io.millrace.controlplane.pipeline.rest;

import io.millrace.localstack.quarkus.KeycloakResource;
import io.millrace.localstack.quarkus.PostgresResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The control plane for {@link PipelineApiBenchmark}: real PostgreSQL and Keycloak, the per-caller rate limit off (it
 * is what the benchmark would otherwise measure) and request logging at its default.
 */
public class ApiLoadProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("millrace.api.rate-limit.enabled", "false",
                // The service's one-line INFO per written version would be most of the log I/O under load.
                "quarkus.log.category.\"io.millrace.controlplane.pipeline.service\".level", "WARN");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class), new TestResourceEntry(KeycloakResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
