package io.millrace.controlplane.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the control plane keeps track of workers. Every key is documented here; the README lists them. */
@ConfigMapping(prefix = "millrace.workers")
public interface WorkersConfig {

    /**
     * How often each worker must send a heartbeat. Sent to the worker in RegistrationAccepted, so changing it needs no
     * worker change; it applies to workers registering after the change.
     */
    @WithDefault("5s")
    Duration heartbeatInterval();

    /**
     * A CONNECTED worker whose last heartbeat is older than this becomes LOST and its stream is closed. Must be larger
     * than {@code heartbeat-interval}; three intervals tolerates two lost or late heartbeats.
     */
    @WithDefault("15s")
    Duration heartbeatTimeout();

    /**
     * How often the deadline monitor looks for workers past their heartbeat timeout. A worker is marked LOST at most
     * this long after its deadline. At least 1s (the scheduler's resolution).
     */
    @WithDefault("1s")
    Duration deadlineCheckInterval();
}
