package io.millrace.controlplane.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One real worker JVM ({@code java -jar quarkus-run.jar}) dialing the control plane under test. Its output goes to
 * {@code <log dir>/<id>.log}. {@link #kill()} is {@code kill -9} (no shutdown hook runs: a crashed machine), {@link
 * #stop()} a graceful stop; both end the process's descendants too.
 */
public final class WorkerProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WorkerProcess.class);

    /** Where a worker process finds the control plane and the shared checkpoint store. */
    public record Settings(int controlPlanePort, Path dataRoot, Path checkpointStore, Path logDir, int slots,
            Map<String, String> extraEnv) {}

    private final String id;
    private final Process process;
    private final Path log;
    private final int httpPort;

    private WorkerProcess(String id, Process process, Path log, int httpPort) {
        this.id = id;
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    static WorkerProcess start(String id, Settings settings) {
        Path jar = WorkerJar.locate();
        try {
            Files.createDirectories(settings.logDir());
            Path dataDir = Files.createDirectories(settings.dataRoot().resolve(id));
            Files.createDirectories(settings.checkpointStore());
            int httpPort = freePort();
            Path log = settings.logDir().resolve(id + ".log");
            // The JVM running this test, not a machine-specific path.
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
            Map<String, String> env = builder.environment();
            env.put("MILLRACE_WORKER_ID", id);
            env.put("MILLRACE_WORKER_SLOTS", Integer.toString(settings.slots()));
            env.put("MILLRACE_WORKER_CONTROL_PLANE_HOST", "127.0.0.1");
            env.put("MILLRACE_WORKER_CONTROL_PLANE_PORT", Integer.toString(settings.controlPlanePort()));
            env.put("MILLRACE_WORKER_DATA_DIR", dataDir.toString());
            env.put("MILLRACE_WORKER_CHECKPOINT_STORE", settings.checkpointStore().toUri().toString());
            env.put("MILLRACE_WORKER_RECONNECT_INITIAL_BACKOFF", "100ms");
            env.put("MILLRACE_WORKER_RECONNECT_MAX_BACKOFF", "1s");
            env.put("MILLRACE_WORKER_METRICS_INTERVAL", "1s");
            env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
            env.putAll(settings.extraEnv());
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Process process = builder.start();
            LOG.infof("cluster: started worker %s pid=%d http=%d log=%s", id, process.pid(), httpPort, log);
            return new WorkerProcess(id, process, log, httpPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start worker " + id, e);
        }
    }

    public String id() {
        return id;
    }

    long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    int httpPort() {
        return httpPort;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** {@code kill -9} of the worker and its descendants; returns once the process is gone. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly(); // SIGKILL on Unix
        waitGone(Duration.ofSeconds(10));
        LOG.infof("cluster: killed worker %s pid=%d (SIGKILL)", id, process.pid());
    }

    /** Graceful stop (SIGTERM), then SIGKILL when it takes longer than 10 s. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        if (!waitGone(Duration.ofSeconds(10))) {
            process.destroyForcibly();
            waitGone(Duration.ofSeconds(5));
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        stop();
    }

    private boolean waitGone(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
