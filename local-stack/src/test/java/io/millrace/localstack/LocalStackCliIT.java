package io.millrace.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millrace.localstack.process.Directories;
import io.millrace.localstack.process.MavenArtifacts;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged CLI as local mode uses it: {@code java -jar} with the jar's {@code lib/}, started, used, stopped with
 * SIGTERM, started again on the same data directory. (Keycloak is left out to keep the build fast; it starts through
 * the same code path in {@link LocalStackIT}.)
 */
class LocalStackCliIT {

    private Path dataDir;

    @BeforeEach
    void createDataDir() {
        dataDir = Directories.create(Path.of("target", "it-data", "cli-" + System.nanoTime()).toAbsolutePath());
    }

    @AfterEach
    void deleteDataDir() {
        Directories.deleteTree(dataDir);
    }

    @Test
    void startsWritesTheEnvFileStopsOnSigtermAndRestartsOnTheSameData() throws Exception {
        Path envFile = dataDir.resolve("stack.env");

        try (RunningCli cli = RunningCli.start(dataDir, envFile, "postgres,kafka,s3")) {
            Properties env = cli.awaitReady();
            assertThat(env.stringPropertyNames()).contains("MILLRACE_PG_JDBC_URL", "MILLRACE_PG_PASSWORD",
                    "MILLRACE_KAFKA_BOOTSTRAP", "MILLRACE_S3_ENDPOINT").doesNotContain("MILLRACE_KEYCLOAK_URL");
            assertThat(cli.output()).doesNotContain(env.getProperty("MILLRACE_PG_PASSWORD"));
            try (Connection connection = connect(env); Statement sql = connection.createStatement()) {
                sql.execute("create table survives_restart (note text)");
                sql.execute("insert into survives_restart values ('written by the first run')");
            }
            assertThat(accepts(env.getProperty("MILLRACE_KAFKA_BOOTSTRAP"))).isTrue();
            List<ProcessHandle> family = cli.family();
            assertThat(family).hasSizeGreaterThanOrEqualTo(4); // the CLI, postgres (+ backends), kafka, s3

            int exit = cli.terminate();
            assertThat(exit).as("exit code after SIGTERM").isIn(0, 143);
            assertThat(family.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList())
                    .as("processes still alive after the CLI stopped").isEmpty();
        }

        try (RunningCli again = RunningCli.start(dataDir, envFile, "postgres")) {
            Properties env = again.awaitReady();
            try (Connection connection = connect(env); Statement sql = connection.createStatement();
                    ResultSet rows = sql.executeQuery("select note from survives_restart")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("written by the first run");
            }
            again.terminate();
        }
    }

    @Test
    void aBadCommandLineExitsWithUsage() throws Exception {
        Process process = new ProcessBuilder(RunningCli.javaCommand("start", "--services", "postgres"))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("--data-dir is required").contains("Usage: local-stack start");
    }

    private static Connection connect(Properties env) throws Exception {
        return DriverManager.getConnection(env.getProperty("MILLRACE_PG_JDBC_URL"),
                env.getProperty("MILLRACE_PG_USERNAME"), env.getProperty("MILLRACE_PG_PASSWORD"));
    }

    private static boolean accepts(String hostAndPort) {
        String[] parts = hostAndPort.split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(parts[0], Integer.parseInt(parts[1])), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The CLI as a child process, its output in a file. */
    private record RunningCli(Process process, Path outputFile, Path envFile) implements AutoCloseable {

        static RunningCli start(Path dataDir, Path envFile, String services) throws IOException {
            Path output = Files.createTempFile(dataDir, "cli-", ".out");
            Process process = new ProcessBuilder(javaCommand("start", "--data-dir", dataDir.toString(), "--services",
                    services, "--env-file", envFile.toString()))
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            return new RunningCli(process, output, envFile);
        }

        static List<String> javaCommand(String... arguments) throws IOException {
            Path jar;
            try (Stream<Path> files = Files.list(Path.of("target"))) {
                jar = files.filter(file -> file.getFileName().toString().matches("millrace-local-stack-.*\\.jar"))
                        .findFirst().orElseThrow(() -> new AssertionError("package the jar first (mvn verify)"));
            }
            List<String> command = new java.util.ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dmaven.repo.local=" + MavenArtifacts.local().repository(), "-jar", jar.toString()));
            command.addAll(List.of(arguments));
            return command;
        }

        Properties awaitReady() throws IOException {
            await("the ready line of the CLI").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250))
                    .until(() -> output().contains(LocalStackCli.READY) || !process.isAlive());
            assertThat(process.isAlive()).as("CLI alive; output:\n%s", output()).isTrue();
            Properties env = new Properties();
            try (InputStream in = Files.newInputStream(envFile)) {
                env.load(in);
            }
            return env;
        }

        String output() throws IOException {
            return Files.readString(outputFile);
        }

        List<ProcessHandle> family() {
            List<ProcessHandle> family = new java.util.ArrayList<>();
            family.add(process.toHandle());
            family.addAll(process.descendants().toList());
            return family;
        }

        int terminate() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("CLI stopped within 90 s").isTrue();
            return process.exitValue();
        }

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
