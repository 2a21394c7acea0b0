package io.millrace.controlplane.job.service;

import io.millrace.controlplane.connection.service.KafkaConnectionService;
import io.millrace.controlplane.job.JobState;
import io.millrace.controlplane.job.config.JobsConfig;
import io.millrace.controlplane.job.persistence.CheckpointRecord;
import io.millrace.controlplane.job.persistence.CheckpointStore;
import io.millrace.controlplane.job.persistence.JobEntity;
import io.millrace.controlplane.job.restart.RestartPolicy;
import io.millrace.controlplane.job.restart.RestartPolicyCodec;
import io.millrace.controlplane.job.service.JobOperationException.Kind;
import io.millrace.controlplane.security.Caller;
import io.millrace.spec.model.CheckpointingSpec;
import io.millrace.spec.parse.Format;
import io.millrace.spec.plan.PlanCodec;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The job operations (the REST resource and the cluster tests call these). Every method takes the caller's tenant and
 * never sees or touches another tenant's job: a job of another tenant is reported as not found. Long operations
 * (cancel, savepoint, stop, rescale) return a future that completes when the operation did.
 */
@ApplicationScoped
public class JobService {

    private static final int MAX_NAME = 200;

    private final JobStore store;
    private final CheckpointStore checkpoints;
    private final JobMasters masters;
    private final JobsConfig config;
    private final KafkaTopicCheck topicCheck;
    private final KafkaConnectionService kafkaConnections;
    private final SpecPlanner planner = new SpecPlanner();
    private final PlanCodec planCodec = new PlanCodec();
    private final RestartPolicyCodec restartCodec = new RestartPolicyCodec();

    public JobService(JobStore store, CheckpointStore checkpoints, JobMasters masters, JobsConfig config,
            KafkaTopicCheck topicCheck, KafkaConnectionService kafkaConnections) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.masters = masters;
        this.config = config;
        this.topicCheck = topicCheck;
        this.kafkaConnections = kafkaConnections;
    }

    /** Compiles and persists the spec as a new job (CREATED) and starts scheduling it. Invalid spec: no job. */
    public JobView submit(String tenantId, String specText, SubmitOptions options) {
        return create(tenantId, specText, options, null, null, null, List.of(), null);
    }

    /** {@link #submit(String, String, SubmitOptions)} for an API caller: audited as {@code job.submit}. */
    public JobView submit(Caller caller, String specText, SubmitOptions options) {
        return create(caller.tenantId(), specText, options, null, null, null, List.of(),
                new JobAudit(caller, "job.submit"));
    }

    /**
     * Deploys one stored version of a pipeline as a new job (the caller has read the version's text and format from
     * the pipeline store). {@code restoreJobId}/{@code restoreCheckpointId} (both or neither) start it from a
     * savepoint or checkpoint of a job of the same tenant.
     */
    public JobView deploy(Caller caller, PipelineVersionRef version, String specText, SubmitOptions options,
            UUID restoreJobId, Long restoreCheckpointId) {
        return deploy(caller, version, specText, options, restoreJobId, restoreCheckpointId, List.of());
    }

    /**
     * {@link #deploy(Caller, PipelineVersionRef, String, SubmitOptions, UUID, Long)} of a safe upgrade: the first
     * restore of {@code restoreJobId}'s savepoint leaves {@code droppedStates} behind (the user confirmed it; the
     * workers start them empty). Later restores of the new job's own checkpoints drop nothing.
     */
    public JobView deploy(Caller caller, PipelineVersionRef version, String specText, SubmitOptions options,
            UUID restoreJobId, Long restoreCheckpointId, List<DroppedStateRef> droppedStates) {
        if (restoreJobId != null) {
            requireRestorable(caller.tenantId(), restoreJobId, restoreCheckpointId);
        } else if (!droppedStates.isEmpty()) {
            throw new JobOperationException(Kind.INVALID, "dropped states only apply to a restore: name the"
                    + " savepoint to start from");
        }
        return create(caller.tenantId(), specText, options, version, restoreJobId, restoreCheckpointId,
                droppedStates, new JobAudit(caller, "job.deploy"));
    }

    /** A new job running the spec of {@code savepointJobId}, starting from that job's savepoint (or checkpoint). */
    public JobView resume(String tenantId, UUID savepointJobId, long checkpointId, SubmitOptions options) {
        return resume(tenantId, savepointJobId, checkpointId, options, null);
    }

    /** {@link #resume(String, UUID, long, SubmitOptions)} for an API caller: audited as {@code job.resume}. */
    public JobView resume(Caller caller, UUID savepointJobId, long checkpointId, SubmitOptions options) {
        return resume(caller.tenantId(), savepointJobId, checkpointId, options, new JobAudit(caller, "job.resume"));
    }

    private JobView resume(String tenantId, UUID savepointJobId, long checkpointId, SubmitOptions options,
            JobAudit audit) {
        JobRecord source = require(tenantId, savepointJobId);
        requireRestorable(tenantId, savepointJobId, checkpointId);
        SubmitOptions effective = new SubmitOptions(Format.valueOf(source.specFormat()),
                options.parallelism() != null ? options.parallelism() : source.parallelism(),
                options.restartPolicy() != null ? options.restartPolicy()
                        : restartCodec.fromJson(source.restartStrategy()),
                options.checkpointInterval() != null ? options.checkpointInterval()
                        : Duration.ofMillis(source.checkpointIntervalMs()));
        return create(tenantId, source.spec(), effective, PipelineVersionRef.of(source), savepointJobId, checkpointId,
                List.of(), audit);
    }

    /**
     * Restarts a job from its latest usable checkpoint or savepoint as a NEW job of the same spec (and pipeline
     * version): a live job is cancelled first; a job with nothing to restore from starts from scratch.
     */
    public CompletableFuture<JobView> restart(Caller caller, UUID jobId) {
        String tenantId = caller.tenantId();
        JobRecord job = require(tenantId, jobId);
        JobAudit audit = new JobAudit(caller, "job.restart");
        CompletableFuture<?> stopped = job.state().isTerminal() ? CompletableFuture.completedFuture(null)
                : cancel(tenantId, jobId, audit);
        return stopped.thenApply(ignored -> {
            var latest = checkpoints.list(tenantId, jobId).stream()
                    .filter(c -> c.completed() && c.usable()).findFirst();
            if (latest.isPresent()) {
                return resume(tenantId, jobId, latest.get().checkpointId(), SubmitOptions.defaults(), audit);
            }
            SubmitOptions same = new SubmitOptions(Format.valueOf(job.specFormat()), job.parallelism(),
                    restartCodec.fromJson(job.restartStrategy()), Duration.ofMillis(job.checkpointIntervalMs()));
            return create(tenantId, job.spec(), same, PipelineVersionRef.of(job), null, null, List.of(), audit);
        });
    }

    private void requireRestorable(String tenantId, UUID savepointJobId, Long checkpointId) {
        require(tenantId, savepointJobId);
        if (checkpointId == null) {
            throw new JobOperationException(Kind.INVALID, "name the checkpoint or savepoint of job " + savepointJobId
                    + " to start from (checkpointId)");
        }
        CheckpointRecord savepoint = checkpoints.find(tenantId, savepointJobId, checkpointId)
                .orElseThrow(() -> new JobOperationException(Kind.NOT_FOUND, "job " + savepointJobId
                        + " has no checkpoint or savepoint " + checkpointId));
        if (!savepoint.completed() || !savepoint.usable()) {
            throw new JobOperationException(Kind.CONFLICT, "checkpoint " + checkpointId + " of job " + savepointJobId
                    + " cannot be restored: " + (savepoint.completed() ? "marked unusable (" + savepoint
                            .unusableReason() + ")" : savepoint.discarding() ? "retention discarded it (its files"
                                    + " are being deleted); resume from a newer checkpoint or a savepoint"
                                    : "it did not complete (" + savepoint.failureReason() + ")"));
        }
    }

    private JobView create(String tenantId, String specText, SubmitOptions options, PipelineVersionRef version,
            UUID restoreJob, Long restoreCheckpoint, List<DroppedStateRef> droppedStates, JobAudit audit) {
        if (specText == null || specText.isBlank()) {
            throw new JobOperationException(Kind.INVALID, "the spec is empty: send a pipeline spec (YAML or JSON)");
        }
        Format format = SpecPlanner.formatOf(specText, options.format());
        SpecPlanner.Planned planned = planner.plan(specText, format, options.parallelism());
        TenantTopicPolicy.check(tenantId, new TenantTopicPolicy.KafkaAccess(kafkaConnections.grants(tenantId),
                config.allowRawBootstrapServers()), planned.pipeline());
        topicCheck.check(tenantId, planned.pipeline());
        CheckpointingSpec checkpointing = planned.pipeline().spec().checkpointing();
        Duration interval = options.checkpointInterval() != null ? options.checkpointInterval()
                : checkpointing != null ? checkpointing.interval() : config.checkpointInterval();
        Duration timeout = checkpointing != null ? checkpointing.timeout() : config.checkpointTimeout();
        if (interval.isNegative() || interval.isZero()) {
            throw new JobOperationException(Kind.INVALID, "checkpoint interval must be positive, was " + interval);
        }
        RestartPolicy restart = options.restartPolicy() != null ? options.restartPolicy()
                : RestartPolicyCodec.fromSpec(planned.pipeline().spec().restartStrategy());
        String name = planned.pipeline().metadata().name();
        JobEntity job = JobEntity.created(UUID.randomUUID(), tenantId,
                name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name, specText, format.name(),
                planCodec.toJson(planned.plan()), options.parallelism(), restartCodec.toJson(restart),
                interval.toMillis(), timeout.toMillis(), Instant.now());
        if (restoreJob != null) {
            job.restoreFrom(restoreJob, restoreCheckpoint);
            if (!droppedStates.isEmpty()) {
                job.dropOnRestore(DroppedStatesCodec.toJson(droppedStates));
            }
        }
        if (version != null) {
            job.fromPipeline(version.pipelineId(), version.version());
        }
        JobRecord created = store.create(job, audit);
        masters.start(created);
        return JobView.of(created, List.of());
    }

    public JobView get(String tenantId, UUID jobId) {
        JobRecord job = require(tenantId, jobId);
        return JobView.of(job, masters.master(tenantId, jobId).map(JobMaster::tasks).orElse(List.of()));
    }

    public List<JobView> list(String tenantId) {
        return store.list(tenantId).stream()
                .map(job -> JobView.of(job, masters.master(tenantId, job.id()).map(JobMaster::tasks)
                        .orElse(List.of())))
                .toList();
    }

    /** The tenant's jobs, optionally of one pipeline and/or in one state. */
    public List<JobView> list(String tenantId, UUID pipelineId, JobState state) {
        return store.list(tenantId, pipelineId, state).stream()
                .map(job -> JobView.of(job, masters.master(tenantId, job.id()).map(JobMaster::tasks)
                        .orElse(List.of())))
                .toList();
    }

    /** The job's failures, oldest first: every move to FAILING or FAILED with its cause, attempt and time. */
    public List<JobFailure> failures(String tenantId, UUID jobId) {
        require(tenantId, jobId);
        return store.history(tenantId, jobId).stream()
                .filter(t -> t.toState() == JobState.FAILING || t.toState() == JobState.FAILED)
                .map(t -> new JobFailure(t.attempt(), t.toState(), t.reason(), t.at()))
                .toList();
    }

    /** Newest first: completed and failed checkpoints and savepoints still on record. */
    public List<CheckpointRecord> checkpoints(String tenantId, UUID jobId) {
        require(tenantId, jobId);
        return checkpoints.list(tenantId, jobId);
    }

    public CompletableFuture<JobView> cancel(String tenantId, UUID jobId) {
        return cancel(tenantId, jobId, null);
    }

    /** Cancel for an API caller: audited as {@code job.stop}. */
    public CompletableFuture<JobView> cancel(Caller caller, UUID jobId) {
        return cancel(caller.tenantId(), jobId, new JobAudit(caller, "job.stop"));
    }

    private CompletableFuture<JobView> cancel(String tenantId, UUID jobId, JobAudit audit) {
        JobMaster master = live(tenantId, jobId);
        store.markDesired(tenantId, jobId, JobEntity.DESIRED_STOPPED, audit);
        return master.cancel("cancelled by a user").thenApply(job -> JobView.of(job, List.of()));
    }

    /** Completes with the savepoint's record once it is committed. */
    public CompletableFuture<CheckpointRecord> savepoint(String tenantId, UUID jobId) {
        return live(tenantId, jobId).savepoint().thenApply(id -> checkpoints.find(tenantId, jobId, id).orElseThrow());
    }

    /**
     * Savepoint for an API caller, audited as {@code job.savepoint} once it is committed (the job's master writes the
     * savepoint row; a refused or failed savepoint leaves no audit entry).
     */
    public CompletableFuture<CheckpointRecord> savepoint(Caller caller, UUID jobId) {
        String tenantId = caller.tenantId();
        return live(tenantId, jobId).savepoint().thenApply(id -> {
            store.audit(jobId, new JobAudit(caller, "job.savepoint"));
            return checkpoints.find(tenantId, jobId, id).orElseThrow();
        });
    }

    /** Savepoint, then cancel: completes CANCELED, the reason naming the savepoint. */
    public CompletableFuture<JobView> stopWithSavepoint(String tenantId, UUID jobId) {
        return stopWithSavepoint(tenantId, jobId, null);
    }

    /** Stop-with-savepoint for an API caller: audited as {@code job.stop-with-savepoint}. */
    public CompletableFuture<JobView> stopWithSavepoint(Caller caller, UUID jobId) {
        return stopWithSavepoint(caller.tenantId(), jobId, new JobAudit(caller, "job.stop-with-savepoint"));
    }

    private CompletableFuture<JobView> stopWithSavepoint(String tenantId, UUID jobId, JobAudit audit) {
        JobMaster master = live(tenantId, jobId);
        store.markDesired(tenantId, jobId, JobEntity.DESIRED_STOPPED, audit);
        return master.stopWithSavepoint().thenApply(job -> JobView.of(job, List.of()));
    }

    /** Savepoint → cancel → re-plan at {@code parallelism} → redeploy from the savepoint (attempt + 1). */
    public CompletableFuture<JobView> rescale(String tenantId, UUID jobId, int parallelism) {
        return rescale(tenantId, jobId, parallelism, null);
    }

    /** Rescale for an API caller, audited as {@code job.rescale} when it completed. */
    public CompletableFuture<JobView> rescale(Caller caller, UUID jobId, int parallelism) {
        return rescale(caller.tenantId(), jobId, parallelism, new JobAudit(caller, "job.rescale"));
    }

    private CompletableFuture<JobView> rescale(String tenantId, UUID jobId, int parallelism, JobAudit audit) {
        JobRecord job = require(tenantId, jobId);
        if (job.state() != JobState.RUNNING) {
            throw new JobOperationException(Kind.CONFLICT, "cannot rescale: job " + jobId + " is " + job.state()
                    + ", it must be RUNNING");
        }
        SpecPlanner.Planned planned = planner.plan(job.spec(), Format.valueOf(job.specFormat()), parallelism);
        return live(tenantId, jobId).rescale(parallelism, planCodec.toJson(planned.plan()))
                .thenApply(record -> {
                    // Audited once the job runs at the new parallelism (the master wrote the rows).
                    store.audit(jobId, audit);
                    return get(tenantId, jobId);
                });
    }

    private JobRecord require(String tenantId, UUID jobId) {
        return store.find(tenantId, jobId).orElseThrow(() -> new JobOperationException(Kind.NOT_FOUND,
                "no job " + jobId + " in tenant " + tenantId));
    }

    private JobMaster live(String tenantId, UUID jobId) {
        JobRecord job = require(tenantId, jobId);
        return masters.master(tenantId, jobId).orElseThrow(() -> new JobOperationException(Kind.CONFLICT,
                "job " + jobId + " is " + job.state() + (job.state().isTerminal() ? " (it has ended)" : "")));
    }
}
