package io.millrace.worker.execution;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A worker app of its own for the deployment and data-plane tests (the connection test leaves its worker REFUSED),
 * reporting metrics every 200 ms and waiting at most 2 s for a consumer to be deployed.
 */
public class JobsTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("millrace.worker.metrics.interval", "200ms",
                "millrace.worker.data.registration-timeout", "2s");
    }
}
