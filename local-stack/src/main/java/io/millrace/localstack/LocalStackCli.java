package io.millrace.localstack;

import io.millrace.localstack.process.ServerStartException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Local mode's servers from one command:
 * {@code java -jar millrace-local-stack.jar start --data-dir DIR [--services ...] [--env-file FILE]}.
 *
 * <p>Starts the services with persistent data under {@code DIR/<service>}, writes their connection settings to the
 * env file, prints them (secrets masked) and one line starting with {@value #READY}, then runs until Ctrl-C or
 * SIGTERM and stops every server. Exit codes: 0 after a requested stop, 1 when a server failed to start or died,
 * 2 for a bad command line.
 */
public final class LocalStackCli {

    /** The start of the line printed once every requested server is ready. */
    public static final String READY = "MILLRACE LOCAL STACK READY";

    private LocalStackCli() {
    }

    public static void main(String[] arguments) {
        // One line per log record (the JDK default spreads each over two), unless the user chose a format.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT %4$s %5$s%6$s%n");
        }
        CliArguments parsed;
        try {
            parsed = CliArguments.parse(arguments);
        } catch (CliArguments.UsageException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.err.println(CliArguments.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(parsed));
    }

    static int run(CliArguments arguments) {
        CountDownLatch stopped = new CountDownLatch(1);
        StackHolder holder = new StackHolder();
        Thread hook = new Thread(() -> {
            holder.close();
            stopped.countDown();
        }, "local-stack-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        long begin = System.nanoTime();
        String names = arguments.services().stream().map(Service::cliName).collect(Collectors.joining(","));
        System.out.println("local-stack: starting " + names + " with data in " + arguments.dataDir()
                + " (Keycloak can take up to 3 minutes on its first start)");
        try {
            holder.set(RunningStack.start(arguments.dataDir(), arguments.services()));
        } catch (ServerStartException | IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println("local-stack: FAILED: " + e.getMessage());
            return 1;
        }
        Map<String, String> environment = holder.stack().environment();
        EnvFile.write(arguments.envFile(), environment);
        System.out.print(EnvFile.renderMasked(environment, arguments.envFile()));
        System.out.println(READY + " (" + names + ") in " + Duration.ofNanos(System.nanoTime() - begin).toSeconds()
                + " s; env file " + arguments.envFile() + "; Ctrl-C stops everything");
        System.out.flush();
        return watch(holder.stack(), stopped);
    }

    /** Runs until a stop is requested (the hook counts down) or a server dies (then exits 1; the hook cleans up). */
    private static int watch(RunningStack stack, CountDownLatch stopped) {
        try {
            while (!stopped.await(2, TimeUnit.SECONDS)) {
                for (Map.Entry<Service, Long> entry : stack.pids().entrySet()) {
                    boolean alive = ProcessHandle.of(entry.getValue()).map(ProcessHandle::isAlive).orElse(false);
                    if (!alive && stopped.getCount() > 0) {
                        System.err.println("local-stack: " + entry.getKey().cliName() + " (pid " + entry.getValue()
                                + ") died; stopping the others. See its log in " + entry.getKey().cliName()
                                + "/logs under the data directory.");
                        return 1;
                    }
                }
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * The stack, once started, for the shutdown hook. A stop requested while servers are still starting also kills
     * every remaining child process of this JVM (only servers are children of the CLI).
     */
    private static final class StackHolder {
        private RunningStack stack;

        synchronized void set(RunningStack value) {
            stack = value;
        }

        synchronized RunningStack stack() {
            return stack;
        }

        void close() {
            RunningStack running = stack();
            if (running != null) {
                running.close();
            }
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
            ProcessHandle.current().descendants().forEach(child -> {
                try {
                    child.onExit().get(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    child.destroyForcibly();
                }
            });
        }
    }
}
