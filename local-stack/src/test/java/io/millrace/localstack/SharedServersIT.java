package io.millrace.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The shared servers are started once per JVM, even when many tests ask at the same moment. */
@WithPostgres
class SharedServersIT {

    private final PostgresServer injected;

    SharedServersIT(PostgresServer injected) {
        this.injected = injected;
    }

    @Test
    void concurrentFirstCallsGetOneServer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PostgresServer>> calls = pool.invokeAll(IntStream.range(0, 8)
                    .mapToObj(i -> (Callable<PostgresServer>) SharedServers::postgres).toList());
            for (Future<PostgresServer> call : calls) {
                assertThat(call.get()).isSameAs(injected);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theExtensionInjectsTheSharedServerIntoMethodsToo(PostgresServer parameter) throws Exception {
        assertThat(parameter).isSameAs(injected).isSameAs(SharedServers.postgres());
        try (Connection connection = DriverManager.getConnection(parameter.jdbcUrl(), parameter.username(),
                parameter.password())) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    @Test
    void theQuarkusResourceHandsOutTheSameServer() {
        var properties = new io.millrace.localstack.quarkus.PostgresResource().start();
        assertThat(properties).containsEntry("quarkus.datasource.jdbc.url", injected.jdbcUrl())
                .containsEntry("quarkus.datasource.username", "millrace")
                .containsEntry("quarkus.datasource.password", injected.password())
                .containsEntry("quarkus.datasource.db-kind", "postgresql");
    }
}
