package io.millrace.localstack;

import io.millrace.localstack.process.Directories;
import io.millrace.localstack.process.PortRetry;
import io.millrace.localstack.process.PortSource;
import io.millrace.localstack.process.Readiness;
import io.millrace.localstack.process.Secrets;
import io.millrace.localstack.process.ServerProcess;
import io.millrace.localstack.process.ServerStartException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Starts PostgreSQL from the machine's binaries: {@code initdb} once per data directory, then {@code postgres} on
 * 127.0.0.1 and a free port, then the {@code millrace} role and database.
 */
public final class PostgresLauncher {

    private static final System.Logger LOG = System.getLogger(PostgresLauncher.class.getName());
    private static final String SUPERUSER = "postgres";
    private static final List<String> PORT_CLASH_MARKERS = List.of("Address already in use",
            "could not create any TCP/IP sockets");

    private final PostgresConfig config;
    private final PortSource ports;

    public PostgresLauncher(PostgresConfig config) {
        this(config, PortSource.free());
    }

    /** With an injected port source (tests use it to force a port clash). */
    public PostgresLauncher(PostgresConfig config, PortSource ports) {
        this.config = config;
        this.ports = PortSource.firstThen(List.of(config.port()), ports);
    }

    public PostgresServer start() {
        PostgresBinaries binaries = PostgresBinaries.locate(config.binDir());
        PostgresOsUser osUser = PostgresOsUser.detect();
        boolean persistent = config.dataDir() != null;
        Path root = persistent ? Directories.create(config.dataDir().toAbsolutePath())
                : Directories.createTemp("millrace-postgres-");
        try {
            osUser.requireReachable(root);
            Path logFile = Directories.newLogFile(Directories.logDirectory(config.logDir(), config.dataDir()),
                    "postgres", persistent);
            Path pgdata = root.resolve("pgdata");
            Path socketDir = socketDirectory(root);
            osUser.own(root, socketDir);
            String superuserPassword = Secrets.loadOrCreate(root.resolve("superuser.password"));
            String password = Secrets.loadOrCreate(root.resolve("millrace.password"));
            long begin = System.nanoTime();
            initialiseIfNeeded(binaries, osUser, root, pgdata, superuserPassword, logFile, persistent);
            PostgresServer server = PortRetry.run("postgres", () -> startOnce(binaries, osUser, root, pgdata,
                    socketDir, superuserPassword, password, logFile, persistent));

            LOG.log(Level.INFO, "local-stack postgres ready: " + server.jdbcUrl() + " pid=" + server.pid()
                    + " started in " + Duration.ofNanos(System.nanoTime() - begin).toMillis() + " ms"
                    + (persistent ? " (persistent data " + root + ")" : "") + ", log " + logFile);
            return server;
        } catch (RuntimeException e) {
            if (!persistent) {
                Directories.deleteTree(root);
            }
            throw e;
        }
    }

    /**
     * {@code <root>/run}, unless the socket path would pass the 107-byte limit of Unix-domain socket paths (a deep
     * local-mode data directory): then a short temporary directory, deleted on close.
     */
    private static Path socketDirectory(Path root) {
        Path preferred = root.resolve("run");
        if (preferred.resolve(".s.PGSQL.65535.lock").toString().length() <= 100) {
            return Directories.create(preferred);
        }
        return Directories.createTemp("millrace-pg-");
    }

    private void initialiseIfNeeded(PostgresBinaries binaries, PostgresOsUser osUser, Path root, Path pgdata,
            String superuserPassword, Path logFile, boolean persistent) {
        if (Files.isRegularFile(pgdata.resolve("PG_VERSION"))) {
            return;
        }
        Path passwordFile = root.resolve("initdb.pwfile");
        try {
            Files.writeString(passwordFile, superuserPassword + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            osUser.own(passwordFile);
            List<String> arguments = new ArrayList<>(List.of("-D", pgdata.toString(), "-U", SUPERUSER,
                    "--pwfile=" + passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                    "--locale=C"));
            if (!persistent) {
                arguments.add("--no-sync");
            }
            ServerProcess initdb = ServerProcess.start("initdb",
                    osUser.command(binaries.initdb(), arguments.toArray(String[]::new)), Map.of(), root, logFile);
            if (!initdb.waitFor(Duration.ofMinutes(2))) {
                initdb.stop(Duration.ofSeconds(5));
                throw new ServerStartException("initdb did not finish in 2 minutes. Log: " + logFile);
            }
            if (initdb.exitValue() != 0) {
                throw new ServerStartException("initdb failed with exit code " + initdb.exitValue() + " for " + pgdata
                        + ". Log: " + logFile + "\nLast lines:\n" + initdb.log().tailForMessage(20));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare initdb in " + root, e);
        } finally {
            try {
                Files.deleteIfExists(passwordFile);
            } catch (IOException ignored) {
                // Inside the data directory, owner-only: harmless if it stays.
            }
        }
    }

    private PostgresServer startOnce(PostgresBinaries binaries, PostgresOsUser osUser, Path root, Path pgdata,
            Path socketDir, String superuserPassword, String password, Path logFile, boolean persistent) {
        int port = ports.nextPort();
        List<String> arguments = new ArrayList<>(List.of("-D", pgdata.toString(), "-p", String.valueOf(port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + socketDir,
                "-c", "logging_collector=off", "-c", "max_connections=200"));
        if (!persistent) {
            // Test data is thrown away: durability only costs time. Local mode keeps the defaults.
            arguments.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c",
                    "full_page_writes=off"));
        }
        ServerProcess process = ServerProcess.start("postgres",
                osUser.command(binaries.postgres(), arguments.toArray(String[]::new)), Map.of(), root, logFile);
        Runnable fastStop = () -> runPgCtlStop(binaries, osUser, root, pgdata, logFile);
        process.useGracefulStop(fastStop);
        Readiness.await(process, config.startupTimeout(),
                () -> canConnect(port, superuserPassword), PORT_CLASH_MARKERS);
        if (!persistent) {
            process.deleteAfterStop(root);
        }
        if (!socketDir.startsWith(root)) {
            process.deleteAfterStop(socketDir);
        }
        PostgresServer server = new PostgresServer(process, port, password);
        try {
            createRoleAndDatabase(port, superuserPassword, password);
        } catch (SQLException e) {
            server.close();
            throw new ServerStartException("PostgreSQL started but creating role and database 'millrace' failed: "
                    + e.getMessage() + ". Log: " + logFile, e);
        }
        return server;
    }

    /** {@code pg_ctl stop -m fast}: disconnects clients instead of waiting for them (SIGTERM would wait). */
    private static void runPgCtlStop(PostgresBinaries binaries, PostgresOsUser osUser, Path root, Path pgdata,
            Path logFile) {
        ServerProcess pgCtl = ServerProcess.start("pg_ctl",
                osUser.command(binaries.pgCtl(), "stop", "-D", pgdata.toString(), "-m", "fast", "-w", "-t", "30"),
                Map.of(), root, logFile);
        if (!pgCtl.waitFor(Duration.ofSeconds(40))) {
            pgCtl.stop(Duration.ofSeconds(2));
        }
    }

    private static boolean canConnect(int port, String superuserPassword) {
        try (Connection ignored = superuserConnection(port, superuserPassword)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void createRoleAndDatabase(int port, String superuserPassword, String password)
            throws SQLException {
        try (Connection connection = superuserConnection(port, superuserPassword);
                Statement statement = connection.createStatement()) {
            // The password is hex from Secrets, so it is safe inside a literal; DDL takes no bind parameters.
            String literal = "'" + password.replace("'", "''") + "'";
            if (exists(connection, "select 1 from pg_roles where rolname = ?", "millrace")) {
                statement.execute("ALTER ROLE millrace WITH LOGIN CREATEDB PASSWORD " + literal);
            } else {
                statement.execute("CREATE ROLE millrace WITH LOGIN CREATEDB PASSWORD " + literal);
            }
            if (!exists(connection, "select 1 from pg_database where datname = ?", "millrace")) {
                statement.execute("CREATE DATABASE millrace OWNER millrace");
            }
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static Connection superuserConnection(int port, String superuserPassword) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("password", superuserPassword);
        properties.setProperty("connectTimeout", "2");
        // Bounds the whole handshake: whatever else holds the port (a clash) may accept and then never answer.
        properties.setProperty("loginTimeout", "3");
        properties.setProperty("socketTimeout", "30");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", properties);
    }
}
