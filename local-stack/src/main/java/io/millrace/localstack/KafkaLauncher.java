package io.millrace.localstack;

import io.millrace.localstack.process.Directories;
import io.millrace.localstack.process.JavaRuntimes;
import io.millrace.localstack.process.MavenArtifacts;
import io.millrace.localstack.process.PortRetry;
import io.millrace.localstack.process.PortSource;
import io.millrace.localstack.process.Readiness;
import io.millrace.localstack.process.ServerProcess;
import io.millrace.localstack.process.ServerStartException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Starts Kafka 4 as one KRaft node in a child JVM, from the broker jars in the local Maven repository.
 *
 * <p>A child JVM and not in-process: the broker needs Kafka's own version of kafka-clients, while the test JVMs of
 * other modules carry the (older) one of the Quarkus BOM.
 */
public final class KafkaLauncher {

    private static final System.Logger LOG = System.getLogger(KafkaLauncher.class.getName());
    private static final String READY_LINE = "Kafka Server started";
    private static final List<String> PORT_CLASH_MARKERS = List.of("Address already in use",
            "Socket server failed to bind");
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Djava.awt.headless=true");

    private final KafkaConfig config;
    private final PortSource ports;

    public KafkaLauncher(KafkaConfig config) {
        this(config, PortSource.free());
    }

    /** With an injected port source (tests use it to force a port clash). */
    public KafkaLauncher(KafkaConfig config, PortSource ports) {
        this.config = config;
        this.ports = PortSource.firstThen(List.of(config.port()), ports);
    }

    public KafkaServer start() {
        MavenArtifacts artifacts = config.mavenRepository() == null ? MavenArtifacts.local()
                : new MavenArtifacts(config.mavenRepository());
        KafkaBrokerClasspath classpath = KafkaBrokerClasspath.resolve(artifacts);
        JavaRuntimes.Jdk jdk = JavaRuntimes.atLeast(17, "MILLRACE_KAFKA_JAVA_HOME", "The Kafka broker");
        boolean persistent = config.dataDir() != null;
        Path root = persistent ? Directories.create(config.dataDir().toAbsolutePath())
                : Directories.createTemp("millrace-kafka-");
        try {
            Path logFile = Directories.newLogFile(Directories.logDirectory(config.logDir(), config.dataDir()),
                    "kafka", persistent);
            Path configDir = Directories.create(root.resolve("config"));
            Path kraftDir = root.resolve("kraft");
            Path log4jConfig = writeLog4jConfig(configDir);
            long begin = System.nanoTime();
            KafkaServer server = PortRetry.run("kafka", () -> startOnce(jdk, classpath, root, configDir, kraftDir,
                    log4jConfig, logFile, persistent));
            LOG.log(Level.INFO, "local-stack kafka ready: " + server.bootstrapServers() + " pid=" + server.pid()
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

    private KafkaServer startOnce(JavaRuntimes.Jdk jdk, KafkaBrokerClasspath classpath, Path root, Path configDir,
            Path kraftDir, Path log4jConfig, Path logFile, boolean persistent) {
        int clientPort = ports.nextPort();
        // The client port may be a configured one that is free right now (a restart on the same data): the operating
        // system may then hand out that very port as the "free" controller port, and Kafka refuses two listeners on
        // one port (seen in LocalStackCliIT).
        int controllerPort = ports.nextPort();
        while (controllerPort == clientPort) {
            controllerPort = ports.nextPort();
        }
        Path properties = writeServerProperties(configDir, kraftDir, clientPort, controllerPort);
        if (!Files.isRegularFile(kraftDir.resolve("meta.properties"))) {
            format(jdk, classpath, root, properties, log4jConfig, logFile);
        }
        ServerProcess process = ServerProcess.start("kafka",
                javaCommand(jdk, classpath, log4jConfig, "kafka.Kafka", properties.toString()), Map.of(), root,
                logFile);
        Readiness.await(process, config.startupTimeout(), () -> process.log().contains(READY_LINE),
                PORT_CLASH_MARKERS);
        if (!persistent) {
            process.deleteAfterStop(root);
        }
        return new KafkaServer(process, clientPort);
    }

    /** {@code kafka-storage format}: once per data directory, with a new random cluster id. */
    private static void format(JavaRuntimes.Jdk jdk, KafkaBrokerClasspath classpath, Path root, Path properties,
            Path log4jConfig, Path logFile) {
        ServerProcess storageTool = ServerProcess.start("kafka-storage-format",
                javaCommand(jdk, classpath, log4jConfig, "kafka.tools.StorageTool", "format", "-t", newClusterId(),
                        "-c", properties.toString()),
                Map.of(), root, logFile);
        if (!storageTool.waitFor(Duration.ofMinutes(2))) {
            storageTool.stop(Duration.ofSeconds(5));
            throw new ServerStartException("Formatting Kafka storage did not finish in 2 minutes. Log: " + logFile);
        }
        if (storageTool.exitValue() != 0) {
            throw new ServerStartException("Formatting Kafka storage failed with exit code " + storageTool.exitValue()
                    + ". Log: " + logFile + "\nLast lines:\n" + storageTool.log().tailForMessage(20));
        }
    }

    private static List<String> javaCommand(JavaRuntimes.Jdk jdk, KafkaBrokerClasspath classpath, Path log4jConfig,
            String mainClass, String... arguments) {
        List<String> command = new java.util.ArrayList<>();
        command.add(jdk.javaExecutable().toString());
        command.addAll(JVM_OPTIONS);
        command.add("-Dlog4j2.configurationFile=" + log4jConfig.toUri());
        command.add("-cp");
        command.add(classpath.asArgument());
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * Single-node settings: every internal topic with replication factor 1, no rebalance delay (tests create
     * groups often), a small dedupe buffer (halves the broker's memory). Static controller voters, so that a restart
     * on other ports needs no re-format.
     */
    private static Path writeServerProperties(Path configDir, Path kraftDir, int clientPort, int controllerPort) {
        String text = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + clientPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "log.dirs=" + kraftDir,
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=10",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.cleaner.dedupe.buffer.size=2097152",
                "auto.create.topics.enable=true",
                "") ;
        return write(configDir.resolve("server.properties"), text);
    }

    private static Path writeLog4jConfig(Path configDir) {
        String text = String.join("\n",
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                "logger.kafka.name = kafka",
                "logger.kafka.level = INFO",
                "logger.apache.name = org.apache.kafka",
                "logger.apache.level = INFO",
                "");
        return write(configDir.resolve("log4j2.properties"), text);
    }

    private static Path write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /** Kafka's cluster id format: 16 random bytes, URL-safe base64 without padding, not starting with '-'. */
    private static String newClusterId() {
        SecureRandom random = new SecureRandom();
        while (true) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }
}
