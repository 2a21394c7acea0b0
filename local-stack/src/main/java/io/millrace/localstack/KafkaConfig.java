package io.millrace.localstack;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to start a {@link KafkaServer}: one KRaft node (broker and controller) in a child JVM.
 *
 * @param dataDir null: temporary log directories, deleted on close; non-null: persistent, formatted once and reused
 * @param port the client (PLAINTEXT) port; 0: any free port. The controller port is always a free one.
 * @param startupTimeout how long to wait for "Kafka Server started"
 * @param logDir null: {@code <dataDir>/logs}, or a shared temporary log directory
 * @param mavenRepository null: the local Maven repository of this JVM (where the broker jars are)
 */
public record KafkaConfig(Path dataDir, int port, Duration startupTimeout, Path logDir, Path mavenRepository) {

    public KafkaConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any) or 1-65535, was " + port);
        }
        if (startupTimeout == null || startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startupTimeout must be positive, was " + startupTimeout);
        }
    }

    /** Temporary, free ports, 90 s to start. */
    public static KafkaConfig defaults() {
        return new KafkaConfig(null, 0, Duration.ofSeconds(90), null, null);
    }

    public KafkaConfig withDataDir(Path value) {
        return new KafkaConfig(value, port, startupTimeout, logDir, mavenRepository);
    }

    public KafkaConfig withPort(int value) {
        return new KafkaConfig(dataDir, value, startupTimeout, logDir, mavenRepository);
    }

    public KafkaConfig withStartupTimeout(Duration value) {
        return new KafkaConfig(dataDir, port, value, logDir, mavenRepository);
    }

    public KafkaConfig withLogDir(Path value) {
        return new KafkaConfig(dataDir, port, startupTimeout, value, mavenRepository);
    }

    public KafkaConfig withMavenRepository(Path value) {
        return new KafkaConfig(dataDir, port, startupTimeout, logDir, value);
    }
}
