package io.millrace.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One running server process, its output appended to a log file, and how to stop it for good.
 *
 * <p>Stopping is: the server's graceful stop, a wait, then a forced kill of the process and of every descendant it
 * had (a shell wrapper's JVM, PostgreSQL backends), then a wait until all of them are gone. No orphans.
 */
public final class ServerProcess {

    private static final System.Logger LOG = System.getLogger(ServerProcess.class.getName());
    private static final Duration FORCED_KILL_WAIT = Duration.ofSeconds(15);

    private static final Duration SHUTDOWN_HOOK_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Process process;
    private final LogView log;
    private final Thread shutdownHook;
    private volatile Runnable gracefulStop;
    private final List<Path> deleteAfterStop = new java.util.concurrent.CopyOnWriteArrayList<>();
    private boolean stopped;

    private ServerProcess(String name, Process process, LogView log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.gracefulStop = process::destroy;
        // Whoever forgets to close a server, or a JVM that exits mid-test, must not leave it running.
        this.shutdownHook = new Thread(() -> stop(SHUTDOWN_HOOK_GRACE, gracefulStop), "local-stack-stop-" + name);
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // Started by a shutdown hook (pg_ctl stopping PostgreSQL): waited for by that hook, needs none itself.
        }
    }

    /**
     * A directory that belongs to this run only (a temporary data directory), deleted once the process is stopped,
     * also by the JVM shutdown hook. Register it only once the server is up: a failed attempt is retried in it.
     */
    public void deleteAfterStop(Path directory) {
        deleteAfterStop.add(directory);
    }

    /** How to stop the server gracefully (default: SIGTERM), also used by the JVM shutdown hook. */
    public void useGracefulStop(Runnable stop) {
        this.gracefulStop = stop;
    }

    /**
     * Starts {@code command} with its standard output and error appended to {@code logFile}.
     *
     * @param name short server name for messages, e.g. "postgres"
     * @param environment variables added to (or, with a null value, removed from) the inherited environment
     */
    public static ServerProcess start(String name, List<String> command, Map<String, String> environment,
            Path workingDirectory, Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            LogView view = LogView.fromEndOf(logFile);
            Files.writeString(logFile, "---- millrace local-stack: starting " + name + " at " + Instant.now()
                    + ": " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            environment.forEach((key, value) -> {
                if (value == null) {
                    builder.environment().remove(key);
                } else {
                    builder.environment().put(key, value);
                }
            });
            return new ServerProcess(name, builder.start(), view);
        } catch (IOException e) {
            throw new ServerStartException("Could not start " + name + " (" + command.get(0) + "): " + e.getMessage()
                    + ". Log: " + logFile, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public Path logFile() {
        return log.file();
    }

    /** This start attempt's part of the log. */
    public LogView log() {
        return log;
    }

    /** Waits for the process to exit by itself (a one-shot tool such as initdb); false on timeout. */
    public boolean waitFor(Duration timeout) {
        try {
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (exited) {
                removeShutdownHook();
            }
            return exited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops with the graceful stop ({@link #useGracefulStop}, default SIGTERM), then force. */
    public void stop(Duration grace) {
        stop(grace, gracefulStop);
    }

    /**
     * Runs {@code gracefulStop}, waits up to {@code grace} for the process to exit, then force-kills it and every
     * descendant still alive, and waits until they are all gone.
     */
    public synchronized void stop(Duration grace, Runnable gracefulStop) {
        if (stopped) {
            return;
        }
        stopped = true;
        if (Thread.currentThread() != shutdownHook) {
            removeShutdownHook();
        }
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        if (process.isAlive()) {
            try {
                gracefulStop.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "local-stack " + name + " pid=" + pid() + ": graceful stop failed ("
                        + e.getMessage() + "); killing it");
            }
            try {
                process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // Descendants started after the first snapshot (e.g. a JVM a shell script relaunched) count too.
        process.descendants().forEach(family::add);
        family.add(process.toHandle());
        killAndAwait(family);
        for (Path directory : deleteAfterStop) {
            try {
                Directories.deleteTree(directory);
            } catch (UncheckedIOException e) {
                LOG.log(Level.WARNING, "local-stack " + name + ": could not delete " + directory + ": "
                        + e.getMessage());
            }
        }
    }

    private void killAndAwait(List<ProcessHandle> family) {
        for (ProcessHandle member : family) {
            if (member.isAlive()) {
                LOG.log(Level.WARNING, "local-stack " + name + ": killing pid=" + member.pid()
                        + " that did not stop gracefully");
                member.destroyForcibly();
            }
        }
        long deadline = System.nanoTime() + FORCED_KILL_WAIT.toNanos();
        for (ProcessHandle member : family) {
            long remaining = deadline - System.nanoTime();
            try {
                member.onExit().get(Math.max(remaining, 1), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                if (member.isAlive()) {
                    LOG.log(Level.ERROR, "local-stack " + name + ": pid=" + member.pid()
                            + " is still alive after a forced kill");
                }
            }
        }
        closeStreams();
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting: the hook is running or about to, and finds the process stopped.
        }
    }

    private void closeStreams() {
        try {
            process.getInputStream().close();
            process.getErrorStream().close();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
