package io.millrace.localstack.process;

import java.lang.System.Logger.Level;
import java.util.function.Supplier;

/** Runs a start attempt again, on new ports, when it failed only because a port was taken in between. */
public final class PortRetry {

    /** Attempts in all, the first included. */
    public static final int MAX_ATTEMPTS = 3;

    private static final System.Logger LOG = System.getLogger(PortRetry.class.getName());

    private PortRetry() {
    }

    /** {@code attempt} picks its ports itself (from a {@link PortSource}) each time it runs. */
    public static <T> T run(String serverName, Supplier<T> attempt) {
        PortClashException last = null;
        for (int number = 1; number <= MAX_ATTEMPTS; number++) {
            try {
                return attempt.get();
            } catch (PortClashException e) {
                last = e;
                LOG.log(Level.WARNING, "local-stack " + serverName + ": port clash on attempt " + number + " of "
                        + MAX_ATTEMPTS + ", retrying on other ports (" + e.getMessage() + ")");
            }
        }
        throw new ServerStartException(serverName + " could not bind free ports in " + MAX_ATTEMPTS
                + " attempts; something on this machine keeps taking them. Last failure: " + last.getMessage(), last);
    }
}
