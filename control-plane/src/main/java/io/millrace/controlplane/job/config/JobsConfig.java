package io.millrace.controlplane.job.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the control plane runs jobs. Every key is documented here; the README lists them. */
@ConfigMapping(prefix = "millrace.jobs")
public interface JobsConfig {

    /**
     * Checkpoint interval of a job whose spec and submit options say nothing (the spec compiler applies its own
     * default of 10s to every spec, so this applies to plans submitted without a spec interval only).
     */
    @WithDefault("10s")
    Duration checkpointInterval();

    /** A checkpoint not acknowledged by every task within this time is aborted (unless the job sets its own). */
    @WithDefault("10m")
    Duration checkpointTimeout();

    /** At most this many checkpoints of one job in flight at a time; a periodic trigger is skipped otherwise. */
    @WithDefault("1")
    int maxConcurrentCheckpoints();

    /**
     * Completed checkpoints kept per job (savepoints are always kept); older ones are discarded: a worker deletes
     * their files, then their rows go.
     */
    @WithDefault("3")
    int retainedCheckpoints();

    /**
     * How often checkpoints waiting to be discarded are handed to a connected worker to delete their files (also when
     * a worker registers); an unanswered request is sent again after this long.
     */
    @WithDefault("10s")
    Duration checkpointCleanupInterval();

    /**
     * After a control-plane start, jobs that were running wait this long for their workers to register again before
     * they are redeployed (earlier if enough slots are free sooner).
     */
    @WithDefault("10s")
    Duration resumeGracePeriod();

    /** Cancelled tasks that do not confirm within this time are given up on (their worker is likely gone). */
    @WithDefault("30s")
    Duration cancelTimeout();

    /** How often jobs waiting for slots try to schedule again (they also retry at once when a worker registers). */
    @WithDefault("1s")
    Duration schedulingRetryInterval();

    /**
     * Keyed-state backend the workers use for every job: {@code rocksdb} (default; state larger than memory,
     * incremental checkpoints) or {@code heap} (small jobs, tests).
     */
    @WithDefault("rocksdb")
    String stateBackend();

    /**
     * Checkpoint store URI handed to the workers ({@code file://...}, {@code s3://bucket/prefix},
     * {@code gs://bucket/prefix}); unset: each worker's own {@code millrace.worker.checkpoint-store}. Every worker of a
     * job must reach the same store, or a restore on another worker cannot read the state.
     */
    java.util.Optional<String> checkpointStore();

    /**
     * Whether a kafka-source / kafka-sink may name its own {@code bootstrapServers}. Default {@code false}: a job
     * reaches a cluster other than the tenant cluster only through a {@code connection} an admin of its tenant
     * created under {@code /api/v1/kafka-connections}, so tenant data cannot go to arbitrary clusters. {@code true}
     * (trusted single-tenant setups, tests) lets any author name any cluster, unchecked.
     */
    @WithDefault("false")
    boolean allowRawBootstrapServers();
}
