package io.millrace.localstack;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to start a {@link KeycloakServer} ({@code kc.sh start-dev} with the {@code millrace} realm imported).
 *
 * @param dataDir null: a temporary instance (its own dev-file database), deleted on close; non-null: persistent,
 *        the realm is imported on first start and kept afterwards
 * @param port the HTTP port; 0: any free port. The management (health) port is always a free one.
 * @param startupTimeout how long to wait for {@code /health/ready}; the first start on a machine also builds
 *        Keycloak's optimized image (~80 s on 2 cores), hence the 180 s default
 * @param logDir null: {@code <dataDir>/logs}, or a shared temporary log directory
 * @param mavenRepository null: the local Maven repository of this JVM (holds the distribution zip)
 * @param cacheDir where the distribution is unzipped once and shared by all instances; null: system property
 *        {@code millrace.keycloak.cache-dir}, else environment {@code MILLRACE_KEYCLOAK_CACHE_DIR}, else
 *        {@code ~/.cache/millrace/keycloak-<version>}
 */
public record KeycloakConfig(Path dataDir, int port, Duration startupTimeout, Path logDir, Path mavenRepository,
        Path cacheDir) {

    public KeycloakConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any) or 1-65535, was " + port);
        }
        if (startupTimeout == null || startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startupTimeout must be positive, was " + startupTimeout);
        }
    }

    /** Temporary, free ports, 180 s to start. */
    public static KeycloakConfig defaults() {
        return new KeycloakConfig(null, 0, Duration.ofSeconds(180), null, null, null);
    }

    public KeycloakConfig withDataDir(Path value) {
        return new KeycloakConfig(value, port, startupTimeout, logDir, mavenRepository, cacheDir);
    }

    public KeycloakConfig withPort(int value) {
        return new KeycloakConfig(dataDir, value, startupTimeout, logDir, mavenRepository, cacheDir);
    }

    public KeycloakConfig withStartupTimeout(Duration value) {
        return new KeycloakConfig(dataDir, port, value, logDir, mavenRepository, cacheDir);
    }

    public KeycloakConfig withLogDir(Path value) {
        return new KeycloakConfig(dataDir, port, startupTimeout, value, mavenRepository, cacheDir);
    }

    public KeycloakConfig withMavenRepository(Path value) {
        return new KeycloakConfig(dataDir, port, startupTimeout, logDir, value, cacheDir);
    }

    public KeycloakConfig withCacheDir(Path value) {
        return new KeycloakConfig(dataDir, port, startupTimeout, logDir, mavenRepository, value);
    }
}
