package io.millrace.localstack;

import io.millrace.localstack.process.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running PostgreSQL server with database {@code millrace} owned by role {@code millrace}. {@link #close()} stops the
 * postmaster (fast shutdown) and all its backends, and deletes a temporary cluster.
 */
public final class PostgresServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final String DATABASE = "millrace";
    private static final String USERNAME = "millrace";

    private final ServerProcess process;
    private final int port;
    private final String password;
    private final AtomicBoolean closed = new AtomicBoolean();

    PostgresServer(ServerProcess process, int port, String password) {
        this.process = process;
        this.port = port;
        this.password = password;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + DATABASE;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public String database() {
        return DATABASE;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return password;
    }

    public Path logFile() {
        return process.logFile();
    }

    /** The postmaster's process id. */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        process.stop(Duration.ofSeconds(30));
    }

    @Override
    public String toString() {
        return "PostgresServer[" + jdbcUrl() + ", pid " + pid() + "]";
    }
}
