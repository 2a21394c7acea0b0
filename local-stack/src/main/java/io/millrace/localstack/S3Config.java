package io.millrace.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to start an {@link S3Server} (S3Mock in a child JVM).
 *
 * @param dataDir null: a temporary object store, deleted on close; non-null: persistent, kept across restarts
 * @param port the HTTP port; 0: any free port. S3Mock's HTTPS port is always a free one (not advertised).
 * @param startupTimeout how long to wait for the HTTP endpoint to answer
 * @param logDir null: {@code <dataDir>/logs}, or a shared temporary log directory
 * @param mavenRepository null: the local Maven repository of this JVM (holds the S3Mock jar)
 * @param initialBuckets buckets that exist from the start (may be empty)
 */
public record S3Config(Path dataDir, int port, Duration startupTimeout, Path logDir, Path mavenRepository,
        List<String> initialBuckets) {

    public S3Config {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any) or 1-65535, was " + port);
        }
        if (startupTimeout == null || startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startupTimeout must be positive, was " + startupTimeout);
        }
        initialBuckets = List.copyOf(initialBuckets == null ? List.of() : initialBuckets);
        for (String bucket : initialBuckets) {
            if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
                throw new IllegalArgumentException("Invalid S3 bucket name '" + bucket + "': 3-63 characters, "
                        + "lower-case letters, digits, dots and dashes, starting and ending with a letter or digit");
            }
        }
    }

    /** Temporary, free port, 90 s to start, no buckets. */
    public static S3Config defaults() {
        return new S3Config(null, 0, Duration.ofSeconds(90), null, null, List.of());
    }

    public S3Config withDataDir(Path value) {
        return new S3Config(value, port, startupTimeout, logDir, mavenRepository, initialBuckets);
    }

    public S3Config withPort(int value) {
        return new S3Config(dataDir, value, startupTimeout, logDir, mavenRepository, initialBuckets);
    }

    public S3Config withStartupTimeout(Duration value) {
        return new S3Config(dataDir, port, value, logDir, mavenRepository, initialBuckets);
    }

    public S3Config withLogDir(Path value) {
        return new S3Config(dataDir, port, startupTimeout, value, mavenRepository, initialBuckets);
    }

    public S3Config withMavenRepository(Path value) {
        return new S3Config(dataDir, port, startupTimeout, logDir, value, initialBuckets);
    }

    public S3Config withInitialBuckets(List<String> value) {
        return new S3Config(dataDir, port, startupTimeout, logDir, mavenRepository, value);
    }
}
