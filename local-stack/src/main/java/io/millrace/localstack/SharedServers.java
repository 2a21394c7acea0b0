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
 * the class lock, so concurrent first calls wait for the one start), is never handed out half-started, and all of
 * them are stopped by one JVM shutdown hook; no test may close a shared server.
 *
 * <p>Logs go to the directory named by the system property {@code millrace.localstack.log-dir} when set (the build
 * points it at {@code target/local-stack-logs}), else to a shared temporary directory.
 */
public final class SharedServers {

    private static final System.Logger LOG = System.getLogger(SharedServers.class.getName());

    private static PostgresServer postgres;
    private static KafkaServer kafka;
    private static KeycloakServer keycloak;
    private static S3Server s3;
    private static boolean shutdownHookRegistered;

    private SharedServers() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = startShared("postgres",
                    () -> new PostgresLauncher(PostgresConfig.defaults().withLogDir(logDir())).start());
        }
        return postgres;
    }

    public static synchronized KafkaServer kafka() {
        if (kafka == null) {
            kafka = startShared("kafka", () -> new KafkaLauncher(KafkaConfig.defaults().withLogDir(logDir())).start());
        }
        return kafka;
    }

    public static synchronized KeycloakServer keycloak() {
        if (keycloak == null) {
            keycloak = startShared("keycloak",
                    () -> new KeycloakLauncher(KeycloakConfig.defaults().withLogDir(logDir())).start());
        }
        return keycloak;
    }

    public static synchronized S3Server s3() {
        if (s3 == null) {
            s3 = startShared("s3", () -> new S3Launcher(S3Config.defaults().withLogDir(logDir())).start());
        }
        return s3;
    }

    private static <T extends AutoCloseable> T startShared(String name, Supplier<T> starter) {
        registerShutdownHookOnce();
        T server = starter.get();
        LOG.log(Level.INFO, "local-stack shared " + name + " started for this JVM: " + server);
        return server;
    }

    private static void registerShutdownHookOnce() {
        if (!shutdownHookRegistered) {
            Runtime.getRuntime().addShutdownHook(new Thread(SharedServers::stopAll, "local-stack-shutdown"));
            shutdownHookRegistered = true;
        }
    }

    /** Stops every shared server; run by the shutdown hook. */
    private static void stopAll() {
        List<AutoCloseable> running = new ArrayList<>();
        synchronized (SharedServers.class) {
            // Keycloak first: it is the slowest to stop and the others do not depend on it.
            for (AutoCloseable server : new AutoCloseable[] {keycloak, kafka, s3, postgres}) {
                if (server != null) {
                    running.add(server);
                }
            }
            keycloak = null;
            kafka = null;
            s3 = null;
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

    private static Path logDir() {
        return Optional.ofNullable(System.getProperty("millrace.localstack.log-dir")).filter(value -> !value.isBlank())
                .map(Path::of).orElse(null);
    }
}
