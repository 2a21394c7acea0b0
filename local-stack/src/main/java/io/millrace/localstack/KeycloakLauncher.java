package io.millrace.localstack;

import io.millrace.localstack.process.Directories;
import io.millrace.localstack.process.HttpProbe;
import io.millrace.localstack.process.JavaRuntimes;
import io.millrace.localstack.process.MavenArtifacts;
import io.millrace.localstack.process.PortRetry;
import io.millrace.localstack.process.PortSource;
import io.millrace.localstack.process.Readiness;
import io.millrace.localstack.process.Secrets;
import io.millrace.localstack.process.ServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts Keycloak in dev mode ({@code kc.sh start-dev}) from the distribution in the local Maven repository, with
 * the {@code millrace} realm imported.
 *
 * <p>Keycloak keeps its dev-file database and its import directory under its home directory. So that many
 * instances can share one unzipped distribution, each instance gets its own small home: a copy of {@code kc.sh}
 * (it derives the home from its own location), links to the shared {@code lib}, {@code conf} and {@code themes},
 * and its own {@code data} and {@code providers}.
 */
public final class KeycloakLauncher {

    private static final System.Logger LOG = System.getLogger(KeycloakLauncher.class.getName());
    static final String REALM_RESOURCE = "keycloak/millrace-realm.json";
    private static final String ADMIN_USERNAME = "admin";
    private static final List<String> PORT_CLASH_MARKERS = List.of("Address already in use",
            "Port(s) already bound", "java.net.BindException");

    private final KeycloakConfig config;
    private final PortSource ports;

    public KeycloakLauncher(KeycloakConfig config) {
        this(config, PortSource.free());
    }

    /** With an injected port source (tests use it to force a port clash). */
    public KeycloakLauncher(KeycloakConfig config, PortSource ports) {
        this.config = config;
        this.ports = PortSource.firstThen(List.of(config.port()), ports);
    }

    public KeycloakServer start() {
        String version = ServerVersions.keycloak();
        MavenArtifacts artifacts = config.mavenRepository() == null ? MavenArtifacts.local()
                : new MavenArtifacts(config.mavenRepository());
        Path zip = artifacts.require("Keycloak distribution", "org.keycloak", "keycloak-quarkus-dist", version, null,
                "zip");
        JavaRuntimes.Jdk jdk = JavaRuntimes.atLeast(17, "MILLRACE_KEYCLOAK_JAVA_HOME", "Keycloak " + version);
        KeycloakDistribution distribution = KeycloakDistribution.install(zip,
                config.cacheDir() != null ? config.cacheDir() : KeycloakDistribution.defaultCacheDir(version));
        boolean persistent = config.dataDir() != null;
        Path root = persistent ? Directories.create(config.dataDir().toAbsolutePath())
                : Directories.createTemp("millrace-keycloak-");
        try {
            Path logFile = Directories.newLogFile(Directories.logDirectory(config.logDir(), config.dataDir()),
                    "keycloak", persistent);
            Path home = prepareInstanceHome(distribution, root.resolve("home"));
            String adminPassword = persistent ? Secrets.loadOrCreate(root.resolve("admin.password"))
                    : Secrets.random();
            long begin = System.nanoTime();
            boolean firstStart = !distribution.augmented();
            KeycloakServer server;
            try (KeycloakDistribution.HeldLock ignored = distribution.firstStartLock()) {
                server = PortRetry.run("keycloak",
                        () -> startOnce(jdk, home, root, adminPassword, logFile, persistent));
                distribution.markAugmented();
            }
            LOG.log(Level.INFO, "local-stack keycloak ready: " + server.baseUrl() + " pid=" + server.pid()
                    + " started in " + Duration.ofNanos(System.nanoTime() - begin).toMillis() + " ms"
                    + (firstStart ? " (first start on this distribution: includes its build)" : "")
                    + (persistent ? " (persistent data " + root + ")" : "") + ", log " + logFile);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not release Keycloak's first-start lock", e);
        } catch (RuntimeException e) {
            if (!persistent) {
                Directories.deleteTree(root);
            }
            throw e;
        }
    }

    private KeycloakServer startOnce(JavaRuntimes.Jdk jdk, Path home, Path root, String adminPassword, Path logFile,
            boolean persistent) {
        int httpPort = ports.nextPort();
        int managementPort = ports.nextPort();
        List<String> command = List.of(home.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                "--health-enabled=true", "--import-realm");
        ServerProcess process = ServerProcess.start("keycloak", command, environment(jdk, adminPassword), home,
                logFile);
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        // Health alone is not enough: the management port answers before the HTTP port is bound, so also ask the
        // HTTP port for the imported realm.
        URI realm = URI.create("http://127.0.0.1:" + httpPort + "/realms/" + KeycloakServer.REALM
                + "/.well-known/openid-configuration");
        Readiness.await(process, config.startupTimeout(),
                () -> HttpProbe.answers(ready, status -> status == 200, body -> body.contains("\"UP\""))
                        && HttpProbe.answers(realm, status -> status == 200, body -> body.contains("issuer")),
                PORT_CLASH_MARKERS);
        if (!persistent) {
            process.deleteAfterStop(root);
        }
        return new KeycloakServer(process, httpPort, ADMIN_USERNAME, adminPassword);
    }

    /** The variables kc.sh reads; inherited KC_* and JAVA_OPTS settings are dropped so they cannot change the run. */
    private static Map<String, String> environment(JavaRuntimes.Jdk jdk, String adminPassword) {
        Map<String, String> environment = new HashMap<>();
        System.getenv().keySet().stream()
                .filter(key -> key.startsWith("KC_") || key.startsWith("KEYCLOAK_") || key.startsWith("JAVA_OPTS"))
                .forEach(key -> environment.put(key, null));
        environment.put("JAVA", null);
        environment.put("JAVA_HOME", jdk.home().toString());
        // C1 only: Keycloak's start is dominated by class loading and warm-up; the full JIT costs more than it saves.
        environment.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        return environment;
    }

    /** The instance's own home (see the class comment). Idempotent: a persistent instance reuses its home. */
    private static Path prepareInstanceHome(KeycloakDistribution distribution, Path home) {
        try {
            Directories.create(home.resolve("bin"));
            Directories.create(home.resolve("providers"));
            Path importDir = Directories.create(home.resolve("data").resolve("import"));
            Path script = home.resolve("bin").resolve("kc.sh");
            Files.copy(distribution.kcScript(), script, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (String shared : List.of("lib", "conf", "themes", "version.txt")) {
                Path link = home.resolve(shared);
                Path target = distribution.home().resolve(shared);
                // Re-linked on every start: a persistent instance follows the cache directory if it moved.
                Files.deleteIfExists(link);
                if (Files.exists(target)) {
                    Files.createSymbolicLink(link, target);
                }
            }
            try (InputStream realm = KeycloakLauncher.class.getResourceAsStream(REALM_RESOURCE)) {
                if (realm == null) {
                    throw new IllegalStateException("Realm resource io/millrace/localstack/" + REALM_RESOURCE
                            + " is missing from the classpath");
                }
                // Imported on the first start of an instance; later starts keep the realm as it is in the database.
                Files.copy(realm, importDir.resolve("millrace-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the Keycloak instance home " + home, e);
        }
    }
}
