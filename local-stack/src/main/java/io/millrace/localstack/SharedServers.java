package io.millrace.localstack;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The servers of this JVM, each started on first use and then shared by every test in the JVM.
 *
 * <p>This is the one deliberate piece of static mutable state in Millrace, and it is static on purpose: a test JVM
 * runs many test classes, JUnit extensions and Quarkus test resources that know nothing of each other, and starting a
 * PostgreSQL, Kafka, Keycloak (20-80 s) or S3 per class would multiply the build time. Sharing needs one place that
 * outlives every test class: the class itself. To keep that safe, each server is started at most once (guarded by
 * a lock per server, so concurrent first calls wait for the one start), is never handed out half-started, and all of
 * them are stopped by one JVM shutdown hook; no test may close a shared server.
 *
 * <p>Logs go to the directory named by the system property {@code millrace.localstack.log-dir} when set (the build
 * points it at {@code target/local-stack-logs}), else to a shared temporary directory.
 */
public final class SharedServers {

    private static final System.Logger LOG = System.getLogger(SharedServers.class.getName());

    // One lock per server: a test waiting for Keycloak's 20-80 s start must not hold up one that only needs Postgres.
    private static final Object POSTGRES_LOCK = new Object();
    private static final Object KAFKA_LOCK = new Object();
    private static final Object KEYCLOAK_LOCK = new Object();
    private static final Object S3_LOCK = new Object();
    private static final Object HOOK_LOCK = new Object();

    private static PostgresServer postgres;
    private static KafkaServer kafka;
    private static KeycloakServer keycloak;
    private static S3Server s3;
    private static boolean shutdownHookRegistered;

    private SharedServers() {
    }

    public static PostgresServer postgres() {
        synchronized (POSTGRES_LOCK) {
            if (postgres == null) {
                postgres = startShared("postgres",
                        () -> new PostgresLauncher(PostgresConfig.defaults().withLogDir(logDir())).start());
            }
            return postgres;
        }
    }

    public static KafkaServer kafka() {
        synchronized (KAFKA_LOCK) {
            if (kafka == null) {
                kafka = startShared("kafka",
                        () -> new KafkaLauncher(KafkaConfig.defaults().withLogDir(logDir())).start());
            }
            return kafka;
        }
    }

    public static KeycloakServer keycloak() {
        synchronized (KEYCLOAK_LOCK) {
            if (keycloak == null) {
                keycloak = startShared("keycloak",
                        () -> new KeycloakLauncher(KeycloakConfig.defaults().withLogDir(logDir())).start());
            }
            return keycloak;
        }
    }

    public static S3Server s3() {
        synchronized (S3_LOCK) {
            if (s3 == null) {
                s3 = startShared("s3", () -> new S3Launcher(S3Config.defaults().withLogDir(logDir())).start());
            }
            return s3;
        }
    }

    private static <T extends AutoCloseable> T startShared(String name, Supplier<T> starter) {
        registerShutdownHookOnce();
        T server = starter.get();
        LOG.log(Level.INFO, "local-stack shared " + name + " started for this JVM: " + server);
        return server;
    }

    private static void registerShutdownHookOnce() {
        synchronized (HOOK_LOCK) {
            if (!shutdownHookRegistered) {
                Runtime.getRuntime().addShutdownHook(new Thread(SharedServers::stopAll, "local-stack-shutdown"));
                shutdownHookRegistered = true;
            }
        }
    }

    /** Stops every shared server, in parallel; run by the shutdown hook. */
    private static void stopAll() {
        List<AutoCloseable> running = new ArrayList<>();
        synchronized (KEYCLOAK_LOCK) {
            addIfStarted(running, keycloak);
            keycloak = null;
        }
        synchronized (KAFKA_LOCK) {
            addIfStarted(running, kafka);
            kafka = null;
        }
        synchronized (S3_LOCK) {
            addIfStarted(running, s3);
            s3 = null;
        }
        synchronized (POSTGRES_LOCK) {
            addIfStarted(running, postgres);
            postgres = null;
        }
        running.parallelStream().forEach(server -> {
            try {
                server.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "local-stack: stopping " + server + " failed: " + e.getMessage());
            }
        });
    }

    private static void addIfStarted(List<AutoCloseable> running, AutoCloseable server) {
        if (server != null) {
            running.add(server);
        }
    }

    private static Path logDir() {
        return Optional.ofNullable(System.getProperty("millrace.localstack.log-dir")).filter(value -> !value.isBlank())
                .map(Path::of).orElse(null);
    }
}
