package io.millrace.localstack.process;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Waits until a starting server is ready, has died, or has run out of time, whichever comes first.
 *
 * <p>The probe is polled: a server offers no event to wait on. Early exit is told apart from a port clash (the log of
 * this attempt names the bind failure) so that the launcher can retry the clash on another port.
 */
public final class Readiness {

    private static final long POLL_MILLIS = 200;
    private static final int TAIL_LINES = 25;

    private Readiness() {
    }

    /**
     * @param portClashMarkers texts that, in this attempt's log, mean "a port was already taken"
     * @throws PortClashException when the server could not bind a port (it has been stopped)
     * @throws ServerStartException on early exit or timeout (the server has been stopped)
     */
    public static void await(ServerProcess server, Duration timeout, BooleanSupplier probe,
            List<String> portClashMarkers) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            // A server that reports ready while it has just failed to bind one of its ports (Keycloak's management
            // port answers before its HTTP port is bound) is not ready.
            boolean clashed = server.log().containsAny(portClashMarkers);
            if (!clashed && safely(probe) && server.isAlive()) {
                return;
            }
            boolean alive = server.isAlive();
            if (clashed || server.log().containsAny(portClashMarkers)) {
                server.stop(Duration.ofSeconds(10));
                throw new PortClashException(server.name() + " could not bind its port (taken in the meantime). Log: "
                        + server.logFile());
            }
            if (!alive) {
                // One last look: the server may have become ready and then died, or written its last words late.
                throw new ServerStartException(server.name() + " (pid " + server.pid() + ") exited with code "
                        + server.exitValue() + " before it was ready. Log: " + server.logFile() + "\nLast lines:\n"
                        + server.log().tailForMessage(TAIL_LINES));
            }
            if (System.nanoTime() > deadline) {
                server.stop(Duration.ofSeconds(10));
                throw new ServerStartException(server.name() + " (pid " + server.pid() + ") was not ready after "
                        + timeout.toSeconds() + " s and has been stopped. Raise the startup timeout if this machine "
                        + "is slow. Log: " + server.logFile() + "\nLast lines:\n"
                        + server.log().tailForMessage(TAIL_LINES));
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.stop(Duration.ofSeconds(10));
                throw new ServerStartException("Interrupted while waiting for " + server.name() + " to start");
            }
        }
    }

    private static boolean safely(BooleanSupplier probe) {
        try {
            return probe.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
