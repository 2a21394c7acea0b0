package io.millrace.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Configuration of the worker process. Every key is documented here; the README lists them. */
@ConfigMapping(prefix = "millrace.worker")
public interface WorkerConfig {

    /**
     * Stable id of this worker, shown in the control plane's worker list and in every log line. Two live workers must
     * never share an id: a registration replaces the earlier session of the same id. Default: the host name plus a
     * random suffix, generated once per process start.
     */
    Optional<String> id();

    /** Number of task slots this worker offers to the scheduler. Must be at least 1. */
    @WithDefault("4")
    int slots();

    /** Where the control plane's worker gateway listens. */
    ControlPlane controlPlane();

    /** How the worker retries when the control plane is unreachable or closes the stream. */
    Reconnect reconnect();

    /** Address of the control plane's gRPC worker gateway (the control plane's HTTP port: gRPC shares it). */
    interface ControlPlane {

        /** Host name or IP address of the control plane. */
        @WithDefault("127.0.0.1")
        String host();

        /** Port of the control plane (its HTTP port, which also serves gRPC). */
        @WithDefault("8080")
        int port();
    }

    /** Reconnect policy: exponential backoff, capped, with full jitter. */
    interface Reconnect {

        /** Delay before the first reconnect attempt after a session ends; doubles with each failed attempt. */
        @WithDefault("500ms")
        Duration initialBackoff();

        /** Upper bound of the reconnect delay. */
        @WithDefault("30s")
        Duration maxBackoff();

        /**
         * Delay before registering again after the control plane REFUSED the registration (for example an incompatible
         * protocol version). A refusal needs an operator to act, so the worker asks again only rarely, never in a loop.
         */
        @WithDefault("2m")
        Duration afterRefusal();
    }
}
