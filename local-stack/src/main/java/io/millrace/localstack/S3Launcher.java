package io.millrace.localstack;

import io.millrace.localstack.process.Directories;
import io.millrace.localstack.process.HttpProbe;
import io.millrace.localstack.process.JavaRuntimes;
import io.millrace.localstack.process.MavenArtifacts;
import io.millrace.localstack.process.PortRetry;
import io.millrace.localstack.process.PortSource;
import io.millrace.localstack.process.Readiness;
import io.millrace.localstack.process.ServerProcess;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * Starts S3Mock's executable jar (a Spring Boot application) in a child JVM, configured through its documented
 * properties: {@code http.port} and {@code server.port} (HTTPS), and {@code com.adobe.testing.s3mock.store.*} for
 * the storage root, retention, region and initial buckets.
 *
 * <p>The JDK: S3Mock 5.2.0 is compiled for Java 17 (class file 61, manifest {@code Java-Version: 17}), so the JDK
 * running this code serves. The launcher still reads the manifest and, for a later S3Mock that needs more, picks a
 * newer JDK ({@code MILLRACE_S3_JAVA_HOME} or a sibling of the running one).
 */
public final class S3Launcher {

    private static final System.Logger LOG = System.getLogger(S3Launcher.class.getName());
    private static final String STORE = "--com.adobe.testing.s3mock.store.";
    private static final List<String> PORT_CLASH_MARKERS = List.of("Address already in use",
            "was already in use", "java.net.BindException");

    private final S3Config config;
    private final PortSource ports;

    public S3Launcher(S3Config config) {
        this(config, PortSource.free());
    }

    /** With an injected port source (tests use it to force a port clash). */
    public S3Launcher(S3Config config, PortSource ports) {
        this.config = config;
        this.ports = PortSource.firstThen(List.of(config.port()), ports);
    }

    public S3Server start() {
        String version = ServerVersions.s3mock();
        MavenArtifacts artifacts = config.mavenRepository() == null ? MavenArtifacts.local()
                : new MavenArtifacts(config.mavenRepository());
        Path jar = artifacts.require("S3Mock executable jar", "com.adobe.testing", "s3mock", version, "exec", "jar");
        JavaRuntimes.Jdk jdk = JavaRuntimes.atLeast(requiredJavaVersion(jar), "MILLRACE_S3_JAVA_HOME",
                "S3Mock " + version);
        boolean persistent = config.dataDir() != null;
        Path root = persistent ? Directories.create(config.dataDir().toAbsolutePath())
                : Directories.createTemp("millrace-s3-");
        try {
            Path logFile = Directories.newLogFile(Directories.logDirectory(config.logDir(), config.dataDir()), "s3",
                    persistent);
            Path store = Directories.create(root.resolve("store"));
            long begin = System.nanoTime();
            S3Server server = PortRetry.run("s3", () -> startOnce(jdk, jar, root, store, logFile, persistent));
            LOG.log(Level.INFO, "local-stack s3 ready: " + server.endpoint() + " pid=" + server.pid()
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

    private S3Server startOnce(JavaRuntimes.Jdk jdk, Path jar, Path root, Path store, Path logFile,
            boolean persistent) {
        int httpPort = ports.nextPort();
        int httpsPort = ports.nextPort();
        List<String> command = new ArrayList<>(List.of(jdk.javaExecutable().toString(), "-Xms32m", "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-jar", jar.toString(),
                "--http.port=" + httpPort, "--server.port=" + httpsPort,
                STORE + "root=" + store, STORE + "region=us-east-1",
                STORE + "retain-files-on-exit=" + persistent,
                "--spring.main.banner-mode=off"));
        if (!config.initialBuckets().isEmpty()) {
            command.add(STORE + "initial-buckets=" + String.join(",", config.initialBuckets()));
        }
        ServerProcess process = ServerProcess.start("s3", command, Map.of(), root, logFile);
        URI endpoint = URI.create("http://127.0.0.1:" + httpPort + "/");
        Readiness.await(process, config.startupTimeout(),
                () -> HttpProbe.answers(endpoint, status -> status == 200, body -> body.contains("ListAllMyBuckets")),
                PORT_CLASH_MARKERS);
        if (!persistent) {
            process.deleteAfterStop(root);
        }
        return new S3Server(process, httpPort);
    }

    /** The Java feature version the jar declares ({@code Java-Version} in its manifest); 17 if it says nothing. */
    static int requiredJavaVersion(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            String declared = file.getManifest() == null ? null
                    : file.getManifest().getMainAttributes().getValue("Java-Version");
            return declared == null ? 17 : Integer.parseInt(declared.strip().split("\\.")[0]);
        } catch (IOException | NumberFormatException e) {
            return 17;
        }
    }
}
