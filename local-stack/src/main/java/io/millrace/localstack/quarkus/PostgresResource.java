package io.millrace.localstack.quarkus;

import io.millrace.localstack.PostgresServer;
import io.millrace.localstack.SharedServers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The JVM's shared {@link PostgresServer} as Quarkus configuration. */
public final class PostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        PostgresServer server = SharedServers.postgres();
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.jdbc.url", server.jdbcUrl(),
                "quarkus.datasource.username", server.username(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        // Shared by every test of the JVM: stopped by SharedServers' shutdown hook, not here.
    }
}
