package io.millrace.localstack;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to start a {@link PostgresServer}.
 *
 * @param dataDir null: a temporary cluster, deleted on close, tuned for tests (no fsync); non-null: a persistent
 *        cluster in this directory, initialised on first start and reused on every later start (local mode)
 * @param port 0: any free port; otherwise this port first (retried elsewhere only if it is taken)
 * @param startupTimeout how long to wait for the server to accept connections
 * @param logDir null: {@code <dataDir>/logs}, or a shared temporary log directory for a temporary cluster
 * @param binDir null: discover the PostgreSQL server binaries ({@code MILLRACE_PG_BIN}, {@code pg_config --bindir},
 *        the newest {@code /usr/lib/postgresql/<version>/bin}, then the PATH); non-null: only this directory
 */
public record PostgresConfig(Path dataDir, int port, Duration startupTimeout, Path logDir, Path binDir) {

    public PostgresConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any) or 1-65535, was " + port);
        }
        if (startupTimeout == null || startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startupTimeout must be positive, was " + startupTimeout);
        }
    }

    /** A temporary cluster on a free port, 60 s to start. */
    public static PostgresConfig defaults() {
        return new PostgresConfig(null, 0, Duration.ofSeconds(60), null, null);
    }

    public PostgresConfig withDataDir(Path value) {
        return new PostgresConfig(value, port, startupTimeout, logDir, binDir);
    }

    public PostgresConfig withPort(int value) {
        return new PostgresConfig(dataDir, value, startupTimeout, logDir, binDir);
    }

    public PostgresConfig withStartupTimeout(Duration value) {
        return new PostgresConfig(dataDir, port, value, logDir, binDir);
    }

    public PostgresConfig withLogDir(Path value) {
        return new PostgresConfig(dataDir, port, startupTimeout, value, binDir);
    }

    public PostgresConfig withBinDir(Path value) {
        return new PostgresConfig(dataDir, port, startupTimeout, logDir, value);
    }
}
