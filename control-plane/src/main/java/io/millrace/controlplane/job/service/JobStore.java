package io.millrace.controlplane.job.service;

import io.millrace.controlplane.audit.AuditLog;
import io.millrace.controlplane.job.JobState;
import io.millrace.controlplane.job.persistence.JobEntity;
import io.millrace.controlplane.job.persistence.JobRepository;
import io.millrace.controlplane.job.persistence.JobTransitionEntity;
import io.millrace.controlplane.job.persistence.JobTransitionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Job rows: each method is one transaction. A state change always writes the new state, its reason and time AND a
 * {@code job_transition} row. Only a job's master calls the mutating methods (on its executor), so a job's writes
 * never race each other; the entity's version would turn a race into an error rather than a lost update.
 */
@ApplicationScoped
public class JobStore {

    private static final Logger LOG = Logger.getLogger(JobStore.class);

    private final JobRepository jobs;
    private final JobTransitionRepository transitions;
    private final AuditLog auditLog;

    public JobStore(JobRepository jobs, JobTransitionRepository transitions, AuditLog auditLog) {
        this.jobs = jobs;
        this.transitions = transitions;
        this.auditLog = auditLog;
    }

    @Transactional
    public JobRecord create(JobEntity job) {
        return create(job, null);
    }

    /** Persists a new job; {@code audit} (null: none) is recorded in the same transaction. */
    @Transactional
    public JobRecord create(JobEntity job, JobAudit audit) {
        jobs.persist(job);
        transitions.persist(new JobTransitionEntity(job.id(), job.tenantId(), null, JobState.CREATED, 0,
                job.stateReason(), job.createdAt()));
        if (audit != null) {
            auditLog.record(audit.caller(), audit.action(), "job", job.id().toString(), null, rowHash(job));
        }
        LOG.infof("job=%s tenant=%s: created '%s'", job.id(), job.tenantId(), job.name());
        return JobRecord.of(job);
    }

    @Transactional
    public JobRecord get(UUID id) {
        return JobRecord.of(require(id));
    }

    @Transactional
    public Optional<JobRecord> find(String tenantId, UUID id) {
        return jobs.findForTenant(tenantId, id).map(JobRecord::of);
    }

    @Transactional
    public List<JobRecord> list(String tenantId) {
        return jobs.listForTenant(tenantId).stream().map(JobRecord::of).toList();
    }

    @Transactional
    public List<JobRecord> list(String tenantId, UUID pipelineId, JobState state) {
        return jobs.listForTenant(tenantId, pipelineId, state).stream().map(JobRecord::of).toList();
    }

    /** Jobs of the pipeline that have not ended; call inside the caller's transaction (pipeline delete). */
    public long countLive(String tenantId, UUID pipelineId) {
        return jobs.countLive(tenantId, pipelineId);
    }

    /** Sets the job's desired state; {@code audit} (null: none) is recorded in the same transaction. */
    @Transactional
    public void markDesired(String tenantId, UUID id, String desiredState, JobAudit audit) {
        JobEntity before = jobs.findForTenant(tenantId, id).orElse(null);
        String beforeHash = before == null ? null : rowHash(before);
        String desiredBefore = before == null ? null : before.desiredState();
        jobs.markDesired(tenantId, id, desiredState);
        if (audit != null && before != null) {
            // The bulk update left the loaded entity as it was: the after-row is the before-row with the new wish.
            auditLog.record(audit.caller(), audit.action(), "job", id.toString(), beforeHash,
                    sha256(rowText(before).replace(";desired=" + desiredBefore + ";", ";desired=" + desiredState + ";")));
        }
    }

    /**
     * Records an operation whose writes the job's master made (savepoint, rescale), once they are done: the entry says
     * who asked; before and after are the row as it is now (the master's own transactions already committed).
     */
    @Transactional
    public void audit(UUID id, JobAudit audit) {
        if (audit == null) {
            return;
        }
        JobEntity job = require(id);
        String hash = rowHash(job);
        auditLog.record(audit.caller(), audit.action(), "job", id.toString(), hash, hash);
    }

    /** SHA-256 of the job row's user-visible settings and state (the audit log's before/after). */
    static String rowHash(JobEntity job) {
        return sha256(rowText(job));
    }

    private static String rowText(JobEntity job) {
        return "id=" + job.id() + ";tenant=" + job.tenantId() + ";state=" + job.state() + ";desired="
                + job.desiredState() + ";attempt=" + job.attempt() + ";parallelism=" + job.parallelism()
                + ";pipeline=" + job.pipelineId() + ";version=" + job.pipelineVersion() + ";spec=" + sha256(job.spec());
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Transactional
    public List<JobRecord> inStates(Collection<JobState> states) {
        return jobs.inStates(states).stream().map(JobRecord::of).toList();
    }

    @Transactional
    public List<JobTransitionEntity> history(String tenantId, UUID id) {
        return transitions.history(tenantId, id);
    }

    /** Moves the job to {@code next} with a reason (persisted with the time and a history row). */
    @Transactional
    public JobRecord transition(UUID id, JobState next, String reason) {
        JobEntity job = require(id);
        JobState before = job.state();
        Instant now = Instant.now();
        job.moveTo(next, reason, now);
        transitions.persist(new JobTransitionEntity(id, job.tenantId(), before, next, job.attempt(), reason, now));
        LOG.infof("job=%s attempt=%d: %s -> %s%s", id, job.attempt(), before, next,
                reason == null ? "" : " (" + reason + ")");
        return JobRecord.of(job);
    }

    /** Keeps the state and changes the visible reason (why the job waits); no history row, it may repeat often. */
    @Transactional
    public JobRecord explain(UUID id, String reason) {
        JobEntity job = require(id);
        if (!reason.equals(job.stateReason())) {
            job.explain(reason, Instant.now());
            LOG.infof("job=%s attempt=%d: %s, waiting: %s", id, job.attempt(), job.state(), reason);
        }
        return JobRecord.of(job);
    }

    /** Starts the next attempt: attempt+1 and SCHEDULED, in one transaction. */
    @Transactional
    public JobRecord deployNextAttempt(UUID id, String reason) {
        JobEntity job = require(id);
        JobState before = job.state();
        Instant now = Instant.now();
        long attempt = job.nextAttempt(now);
        job.moveTo(JobState.SCHEDULED, reason, now);
        transitions.persist(new JobTransitionEntity(id, job.tenantId(), before, JobState.SCHEDULED, attempt, reason,
                now));
        LOG.infof("job=%s attempt=%d: %s -> SCHEDULED (%s)", id, attempt, before, reason);
        return JobRecord.of(job);
    }

    @Transactional
    public JobRecord recordFailure(UUID id, String cause) {
        JobEntity job = require(id);
        job.recordFailure(cause, Instant.now());
        return JobRecord.of(job);
    }

    /** Reserves the next checkpoint id of the job (ids never repeat, across attempts and restarts). */
    @Transactional
    public long nextCheckpointId(UUID id) {
        return require(id).nextCheckpointId();
    }

    @Transactional
    public JobRecord replan(UUID id, String planJson, Integer parallelism) {
        JobEntity job = require(id);
        job.replan(planJson, parallelism, Instant.now());
        return JobRecord.of(job);
    }

    private JobEntity require(UUID id) {
        JobEntity job = jobs.findById(id);
        if (job == null) {
            throw new IllegalStateException("job " + id + " does not exist");
        }
        return job;
    }
}
