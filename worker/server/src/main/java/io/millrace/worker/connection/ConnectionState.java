package io.millrace.worker.connection;

import java.time.Duration;

/**
 * Where this worker stands with the control plane. Lifecycle as a sealed type (STYLE.md 7): each state carries only
 * what is true in it, and {@link ConnectionStatus} is the one place that moves between them.
 */
public sealed interface ConnectionState {

    /** Short upper-case name for logs and health output. */
    String name();

    /** One line for operators: the state and its details. */
    String describe();

    /** The process has started; the first connection attempt is about to be made. */
    record Starting() implements ConnectionState {
        @Override
        public String name() {
            return "STARTING";
        }

        @Override
        public String describe() {
            return name();
        }
    }

    /** A stream is being opened and RegisterWorker sent; {@code attempt} counts since the last successful session. */
    record Connecting(int attempt) implements ConnectionState {
        @Override
        public String name() {
            return "CONNECTING";
        }

        @Override
        public String describe() {
            return name() + " (attempt " + attempt + ")";
        }
    }

    /** The control plane accepted the registration; heartbeats flow at {@code heartbeatInterval}. */
    record Registered(Duration heartbeatInterval, Duration heartbeatTimeout) implements ConnectionState {
        @Override
        public String name() {
            return "REGISTERED";
        }

        @Override
        public String describe() {
            return name() + " (heartbeat every " + heartbeatInterval.toMillis() + " ms, timeout "
                    + heartbeatTimeout.toMillis() + " ms)";
        }
    }

    /** The control plane refused this worker; an operator must act. The worker asks again after {@code retryIn}. */
    record Refused(String reason, Duration retryIn) implements ConnectionState {
        @Override
        public String name() {
            return "REFUSED";
        }

        @Override
        public String describe() {
            return name() + " (reason: " + reason + "; asking again in " + retryIn.toMillis() + " ms)";
        }
    }

    /** The stream failed or closed; the worker reconnects after {@code retryIn} (jittered exponential backoff). */
    record Disconnected(String cause, Duration retryIn) implements ConnectionState {
        @Override
        public String name() {
            return "DISCONNECTED";
        }

        @Override
        public String describe() {
            return name() + " (cause: " + cause + "; reconnecting in " + retryIn.toMillis() + " ms)";
        }
    }

    /** The process is shutting down; no further attempts. */
    record Stopped() implements ConnectionState {
        @Override
        public String name() {
            return "STOPPED";
        }

        @Override
        public String describe() {
            return name();
        }
    }
}
