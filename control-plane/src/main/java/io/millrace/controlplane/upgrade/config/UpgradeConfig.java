package io.millrace.controlplane.upgrade.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How safe upgrades are watched (keys under {@code millrace.jobs}, next to the job settings; README "Safe upgrades"). */
@ConfigMapping(prefix = "millrace.jobs")
public interface UpgradeConfig {

    /**
     * How long the new job of an upgrade is watched once it runs: a failure (or too many restarts) within this time
     * rolls back to the old version from the same savepoint; after it the upgrade SUCCEEDED. A new job that has not
     * reached RUNNING this long after it was submitted is rolled back too.
     */
    @WithDefault("2m")
    Duration upgradeGracePeriod();

    /** Restarts of the new job tolerated within the grace period; one more rolls back. */
    @WithDefault("1")
    int upgradeMaxRestarts();

    /** How often upgrades in progress are checked (rollback latency is at most about this). */
    @WithDefault("1s")
    Duration upgradeCheckInterval();

    /** How long an upgrade waits for the old job's stop-with-savepoint (and a rollback for a cancel) to finish. */
    @WithDefault("60s")
    Duration upgradeStopTimeout();
}
