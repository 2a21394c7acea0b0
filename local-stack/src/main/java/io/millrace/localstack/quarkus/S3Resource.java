package io.millrace.localstack.quarkus;

import io.millrace.localstack.S3Server;
import io.millrace.localstack.SharedServers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The JVM's shared {@link S3Server} as Quarkus configuration. */
public final class S3Resource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        S3Server server = SharedServers.s3();
        return Map.of(
                "millrace.s3.endpoint", server.endpoint().toString(),
                "millrace.s3.region", server.region(),
                "millrace.s3.access-key-id", server.accessKeyId(),
                "millrace.s3.secret-access-key", server.secretAccessKey());
    }

    @Override
    public void stop() {
        // Shared by every test of the JVM: stopped by SharedServers' shutdown hook, not here.
    }
}
