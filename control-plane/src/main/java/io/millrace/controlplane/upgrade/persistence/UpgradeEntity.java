package io.millrace.controlplane.upgrade.persistence;

import io.millrace.controlplane.upgrade.UpgradeState;
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
 * One upgrade of a running pipeline (table {@code pipeline_upgrade}, V6). Tenant-owned. Its state moves only through
 * {@link #end}, which enforces {@link UpgradeState#canMoveTo}; {@code row_version} turns a race between the request
 * and the watcher into an error instead of a lost update.
 */
@Entity
@Table(name = "pipeline_upgrade")
public class UpgradeEntity {

    @Id
    private UUID id;
    @Column(name = "tenant_id", nullable = false)
    private String tenantId;
    @Column(name = "pipeline_id", nullable = false)
    private UUID pipelineId;
    @Column(name = "pipeline_name", nullable = false)
    private String pipelineName;
    @Column(name = "from_job_id", nullable = false)
    private UUID fromJobId;
    @Column(name = "from_version", nullable = false)
    private int fromVersion;
    @Column(name = "to_version", nullable = false)
    private int toVersion;
    @Column(name = "to_job_id")
    private UUID toJobId;
    @Column(name = "savepoint_id")
    private Long savepointId;
    @Column(name = "dropped_states", nullable = false)
    private String droppedStates;
    @Column(name = "rollback_job_id")
    private UUID rollbackJobId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UpgradeState state;
    private String reason;
    @Column(name = "requested_by", nullable = false)
    private String requestedBy;
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected UpgradeEntity() {
        // for JPA
    }

    public static UpgradeEntity started(UUID id, String tenantId, UUID pipelineId, String pipelineName,
            UUID fromJobId, int fromVersion, int toVersion, String droppedStatesJson, String requestedBy,
            Instant now) {
        UpgradeEntity u = new UpgradeEntity();
        u.id = id;
        u.tenantId = tenantId;
        u.pipelineId = pipelineId;
        u.pipelineName = pipelineName;
        u.fromJobId = fromJobId;
        u.fromVersion = fromVersion;
        u.toVersion = toVersion;
        u.droppedStates = droppedStatesJson;
        u.state = UpgradeState.IN_PROGRESS;
        u.reason = "stopping job " + fromJobId + " with a savepoint";
        u.requestedBy = requestedBy;
        u.startedAt = now;
        u.updatedAt = now;
        return u;
    }

    public void savepointTaken(long savepointId, Instant now) {
        this.savepointId = savepointId;
        this.reason = "savepoint " + savepointId + " taken; starting version " + toVersion;
        this.updatedAt = now;
    }

    public void newJobSubmitted(UUID jobId, Instant now) {
        this.toJobId = jobId;
        this.reason = "watching job " + jobId + " (version " + toVersion + ")";
        this.updatedAt = now;
    }

    public void end(UpgradeState next, String why, UUID rollbackJob, Instant now) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("upgrade " + id + " cannot move from " + state + " to " + next);
        }
        this.state = next;
        this.reason = why;
        this.rollbackJobId = rollbackJob;
        this.finishedAt = now;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public UUID pipelineId() {
        return pipelineId;
    }

    public String pipelineName() {
        return pipelineName;
    }

    public UUID fromJobId() {
        return fromJobId;
    }

    public int fromVersion() {
        return fromVersion;
    }

    public int toVersion() {
        return toVersion;
    }

    public UUID toJobId() {
        return toJobId;
    }

    public Long savepointId() {
        return savepointId;
    }

    public String droppedStates() {
        return droppedStates;
    }

    public UUID rollbackJobId() {
        return rollbackJobId;
    }

    public UpgradeState state() {
        return state;
    }

    public String reason() {
        return reason;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
