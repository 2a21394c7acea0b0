package io.millrace.controlplane.cluster;

import io.millrace.localstack.quarkus.PostgresResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The control plane for the multi-process tests: real PostgreSQL only (no Keycloak: the tests call the job service
 * directly, not the bearer-protected REST API), heartbeats every 500 ms with a 3 s timeout (recovery target < 5 s from
 * kill -9), a short restart delay. {@code -Dcluster.heartbeat-timeout=15s} measures with the production default.
 */
public class ClusterTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.oidc.tenant-enabled", "false",
                "millrace.workers.heartbeat-interval", System.getProperty("cluster.heartbeat-interval", "500ms"),
                "millrace.workers.heartbeat-timeout", System.getProperty("cluster.heartbeat-timeout", "3s"),
                "millrace.jobs.checkpoint-interval", "1s",
                "millrace.jobs.cancel-timeout", "5s",
                "millrace.jobs.checkpoint-cleanup-interval", "1s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
