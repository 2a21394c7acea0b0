package io.millrace.controlplane.job.persistence;

import io.millrace.controlplane.job.JobState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A job (table {@code job}, schema in {@code V2__jobs_and_checkpoints.sql}). Tenant-owned. The state changes only
 * through {@link #moveTo}, which enforces {@link JobState}'s transitions; {@code version} makes concurrent writers
 * (a REST call and a job master) fail instead of overwriting each other.
 */
@Entity
@Table(name = "job")
public class JobEntity {

    @Id
    private UUID id;
    @Column(name = "tenant_id", nullable = false)
    private String tenantId;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String spec;
    @Column(name = "spec_format", nullable = false)
    private String specFormat;
    @Column(name = "plan_json", nullable = false)
    private String planJson;
    private Integer parallelism;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobState state;
    @Column(name = "state_reason")
    private String stateReason;
    @Column(name = "state_changed_at", nullable = false)
    private Instant stateChangedAt;
    @Column(nullable = false)
    private long attempt;
    @Column(name = "restart_strategy", nullable = false)
    private String restartStrategy;
    @Column(name = "checkpoint_interval_ms", nullable = false)
    private long checkpointIntervalMs;
    @Column(name = "checkpoint_timeout_ms", nullable = false)
    private long checkpointTimeoutMs;
    @Column(name = "failure_count", nullable = false)
    private int failureCount;
    @Column(name = "last_failure")
    private String lastFailure;
    @Column(name = "last_failure_at")
    private Instant lastFailureAt;
    @Column(name = "last_checkpoint_id", nullable = false)
    private long lastCheckpointId;
    @Column(name = "restore_job_id")
    private UUID restoreJobId;
    @Column(name = "restore_checkpoint_id")
    private Long restoreCheckpointId;
    // JSON [{nodeId, stateName}] (V6): state the user confirmed dropping when this job restores restoreJobId's
    // savepoint (a safe upgrade); null: restore everything.
    @Column(name = "restore_dropped_states")
    private String restoreDroppedStates;
    @Column(name = "pipeline_id")
    private UUID pipelineId;
    @Column(name = "pipeline_version")
    private Integer pipelineVersion;
    // Written on insert and otherwise only by JobRepository#markDesired (a single-column UPDATE): a REST call asking
    // for a stop must neither bump the version nor be overwritten by the job master's next write of the row.
    @Column(name = "desired_state", nullable = false, updatable = false)
    private String desiredState = DESIRED_RUNNING;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    /** {@code desired_state}: the user wants the job to run. */
    public static final String DESIRED_RUNNING = "RUNNING";
    /** {@code desired_state}: the user asked to stop (cancel or stop-with-savepoint). */
    public static final String DESIRED_STOPPED = "STOPPED";

    protected JobEntity() {
        // for JPA
    }

    public static JobEntity created(UUID id, String tenantId, String name, String spec, String specFormat,
            String planJson, Integer parallelism, String restartStrategy, long checkpointIntervalMs,
            long checkpointTimeoutMs, Instant now) {
        JobEntity job = new JobEntity();
        job.id = id;
        job.tenantId = tenantId;
        job.name = name;
        job.spec = spec;
        job.specFormat = specFormat;
        job.planJson = planJson;
        job.parallelism = parallelism;
        job.state = JobState.CREATED;
        job.stateChangedAt = now;
        job.restartStrategy = restartStrategy;
        job.checkpointIntervalMs = checkpointIntervalMs;
        job.checkpointTimeoutMs = checkpointTimeoutMs;
        job.createdAt = now;
        job.updatedAt = now;
        return job;
    }

    /** Moves to {@code next} (or updates the reason when already there and the move is legal). */
    public void moveTo(JobState next, String reason, Instant now) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("job " + id + " cannot move from " + state + " to " + next);
        }
        this.state = next;
        this.stateReason = reason;
        this.stateChangedAt = now;
        this.updatedAt = now;
    }

    /** Keeps the state, changes the visible reason (e.g. why a CREATED job still waits). */
    public void explain(String reason, Instant now) {
        this.stateReason = reason;
        this.updatedAt = now;
    }

    public void recordFailure(String cause, Instant now) {
        this.failureCount++;
        this.lastFailure = cause;
        this.lastFailureAt = now;
        this.updatedAt = now;
    }

    public long nextAttempt(Instant now) {
        this.updatedAt = now;
        return ++attempt;
    }

    public long nextCheckpointId() {
        return ++lastCheckpointId;
    }

    public void replan(String planJson, Integer parallelism, Instant now) {
        this.planJson = planJson;
        this.parallelism = parallelism;
        this.updatedAt = now;
    }

    public void restoreFrom(UUID jobId, long checkpointId) {
        this.restoreJobId = jobId;
        this.restoreCheckpointId = checkpointId;
    }

    /** The states (JSON, see {@code DroppedStatesCodec}) left behind when restoring {@link #restoreJobId()}. */
    public void dropOnRestore(String droppedStatesJson) {
        this.restoreDroppedStates = droppedStatesJson;
    }

    /** The job runs {@code version} of pipeline {@code pipelineId} (jobs submitted as raw specs have none). */
    public void fromPipeline(UUID pipelineId, int version) {
        this.pipelineId = pipelineId;
        this.pipelineVersion = version;
    }

    public UUID pipelineId() {
        return pipelineId;
    }

    public Integer pipelineVersion() {
        return pipelineVersion;
    }

    public String desiredState() {
        return desiredState;
    }

    public UUID id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public String spec() {
        return spec;
    }

    public String specFormat() {
        return specFormat;
    }

    public String planJson() {
        return planJson;
    }

    public Integer parallelism() {
        return parallelism;
    }

    public JobState state() {
        return state;
    }

    public String stateReason() {
        return stateReason;
    }

    public Instant stateChangedAt() {
        return stateChangedAt;
    }

    public long attempt() {
        return attempt;
    }

    public String restartStrategy() {
        return restartStrategy;
    }

    public long checkpointIntervalMs() {
        return checkpointIntervalMs;
    }

    public long checkpointTimeoutMs() {
        return checkpointTimeoutMs;
    }

    public int failureCount() {
        return failureCount;
    }

    public String lastFailure() {
        return lastFailure;
    }

    public UUID restoreJobId() {
        return restoreJobId;
    }

    public Long restoreCheckpointId() {
        return restoreCheckpointId;
    }

    public String restoreDroppedStates() {
        return restoreDroppedStates;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
