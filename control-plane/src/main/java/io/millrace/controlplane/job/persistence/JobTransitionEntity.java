package io.millrace.controlplane.job.persistence;

import io.millrace.controlplane.job.JobState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One state change of a job (table {@code job_transition}): append-only history. */
@Entity
@Table(name = "job_transition")
public class JobTransitionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "job_id", nullable = false)
    private UUID jobId;
    @Column(name = "tenant_id", nullable = false)
    private String tenantId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    private JobState fromState;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    private JobState toState;
    @Column(nullable = false)
    private long attempt;
    private String reason;
    @Column(nullable = false)
    private Instant at;

    protected JobTransitionEntity() {
        // for JPA
    }

    public JobTransitionEntity(UUID jobId, String tenantId, JobState fromState, JobState toState, long attempt,
            String reason, Instant at) {
        this.jobId = jobId;
        this.tenantId = tenantId;
        this.fromState = fromState;
        this.toState = toState;
        this.attempt = attempt;
        this.reason = reason;
        this.at = at;
    }

    public JobState fromState() {
        return fromState;
    }

    public JobState toState() {
        return toState;
    }

    public long attempt() {
        return attempt;
    }

    public String reason() {
        return reason;
    }

    public Instant at() {
        return at;
    }
}
