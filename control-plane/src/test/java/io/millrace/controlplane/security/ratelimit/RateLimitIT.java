package io.millrace.controlplane.security.ratelimit;

import static io.millrace.controlplane.security.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.notNullValue;

import io.millrace.controlplane.security.TestUsers;
import io.millrace.localstack.quarkus.KeycloakResource;
import io.millrace.localstack.quarkus.PostgresResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-caller rate limit against the real stack: a burst, then 429 problem+json with Retry-After, per caller. */
@QuarkusTest
@TestProfile(RateLimitIT.TightLimit.class)
class RateLimitIT {

    /** Three requests in a burst, then one every five seconds: a test's quick requests exhaust it. */
    public static class TightLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("millrace.api.rate-limit.per-second", "0.2", "millrace.api.rate-limit.burst", "3");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresResource.class),
                    new TestResourceEntry(KeycloakResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void aCallerOverItsBurstGets429WithRetryAfterAndOtherCallersDoNot() {
        String dave = TestUsers.token("dave");
        for (int i = 0; i < 3; i++) {
            as(dave).get("/api/v1/tenants/current").then().statusCode(200);
        }
        as(dave).get("/api/v1/tenants/current").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("type", endsWith("rate-limited")).body("detail", containsString("this user"));
        // Another caller has a bucket of its own.
        as(TestUsers.token("carol")).get("/api/v1/tenants/current").then().statusCode(200);
    }
}
