package io.millrace.controlplane.job.config;

import io.millrace.controlplane.job.schedule.SchedulingPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.OptionalInt;

/** How subtasks are placed into worker slots. */
@ConfigMapping(prefix = "millrace.scheduler")
public interface SchedulerConfig {

    /** PACK fills workers in order (fewest workers); SPREAD round-robins over the workers with the most free slots. */
    @WithDefault("SPREAD")
    SchedulingPolicy policy();

    /** The most slots the jobs of one tenant may occupy together; unset means unlimited. */
    OptionalInt tenantSlotQuota();
}
