package io.millrace.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.localstack.process.Directories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Local mode restarts on the same data directory and must find its data again. */
class PostgresPersistenceIT {

    private Path dataDir;

    @BeforeEach
    void createDataDir() throws Exception {
        // Under target/ and not via createTempDirectory (mode 700): as root the server runs as user postgres, who
        // must be able to reach the directory.
        dataDir = Directories.create(Path.of("target", "it-data", "postgres-persistent-" + System.nanoTime())
                .toAbsolutePath());
    }

    @AfterEach
    void deleteDataDir() {
        Directories.deleteTree(dataDir);
    }

    @Test
    void dataWrittenBeforeAStopIsReadAfterARestartOnTheSameDirectory() throws Exception {
        PostgresConfig config = PostgresConfig.defaults().withDataDir(dataDir.resolve("postgres"));
        String firstPassword;
        long firstPid;
        try (PostgresServer first = new PostgresLauncher(config).start()) {
            firstPassword = first.password();
            firstPid = first.pid();
            try (Connection connection = DriverManager.getConnection(first.jdbcUrl(), first.username(),
                    first.password()); Statement sql = connection.createStatement()) {
                sql.execute("create table tenant (id text primary key)");
                sql.execute("insert into tenant values ('acme'), ('globex')");
            }
        }
        assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(dataDir.resolve("postgres/pgdata/PG_VERSION")).isRegularFile();

        try (PostgresServer second = new PostgresLauncher(config).start()) {
            assertThat(second.password()).as("a persistent cluster keeps its password").isEqualTo(firstPassword);
            try (Connection connection = DriverManager.getConnection(second.jdbcUrl(), second.username(),
                    second.password()); Statement sql = connection.createStatement();
                    ResultSet rows = sql.executeQuery("select id from tenant order by id")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("acme");
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("globex");
                assertThat(rows.next()).isFalse();
            }
            assertThat(Files.readString(second.logFile())).as("one log file, appended across restarts")
                    .contains("database system is shut down");
        }
    }
}
