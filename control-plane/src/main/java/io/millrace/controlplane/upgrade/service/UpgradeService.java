package io.millrace.controlplane.upgrade.service;

import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.api.FieldError;
import io.millrace.controlplane.job.JobState;
import io.millrace.controlplane.job.persistence.CheckpointRecord;
import io.millrace.controlplane.job.service.DroppedStateRef;
import io.millrace.controlplane.job.service.JobOperationException;
import io.millrace.controlplane.job.service.JobRecord;
import io.millrace.controlplane.job.service.JobService;
import io.millrace.controlplane.job.service.JobStore;
import io.millrace.controlplane.job.service.JobView;
import io.millrace.controlplane.job.service.PipelineVersionRef;
import io.millrace.controlplane.job.service.SubmitOptions;
import io.millrace.controlplane.pipeline.service.DeployableVersion;
import io.millrace.controlplane.pipeline.service.PipelineService;
import io.millrace.controlplane.pipeline.service.PipelineVersionView;
import io.millrace.controlplane.security.Caller;
import io.millrace.controlplane.upgrade.UpgradeState;
import io.millrace.controlplane.upgrade.config.UpgradeConfig;
import io.millrace.spec.parse.Format;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Safe upgrades (DESIGN.md §8.1): the state diff of a version against what runs, and the upgrade itself — diff,
 * confirmation gate, stop-with-savepoint of the running job, the new version restoring that savepoint with the
 * confirmed states dropped, recorded as an upgrade the {@link UpgradeWatcher} then follows.
 */
@ApplicationScoped
public class UpgradeService {

    private static final Logger LOG = Logger.getLogger(UpgradeService.class);

    /** What a deploy over a running job started: the upgrade and the diff it was decided on. */
    public record Started(UpgradeView upgrade, StateDiffView diff) {
    }

    private final PipelineService pipelines;
    private final JobService jobs;
    private final JobStore jobRows;
    private final StateDiffs diffs;
    private final UpgradeStore upgrades;
    private final UpgradeRollback rollback;
    private final UpgradeConfig config;
    /** Upgrades this instance is carrying out right now (between begin and the new job): the watcher leaves them. */
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();

    public UpgradeService(PipelineService pipelines, JobService jobs, JobStore jobRows, StateDiffs diffs,
            UpgradeStore upgrades, UpgradeRollback rollback, UpgradeConfig config) {
        this.pipelines = pipelines;
        this.jobs = jobs;
        this.jobRows = jobRows;
        this.diffs = diffs;
        this.upgrades = upgrades;
        this.rollback = rollback;
        this.config = config;
    }

    /**
     * The state diff from {@code from} (a version number or a job id of the tenant; null: the pipeline's running job)
     * to {@code toVersion}.
     */
    public StateDiffView stateDiff(String tenantId, String pipeline, int toVersion, String from) {
        PipelineVersionView to = pipelines.version(tenantId, pipeline, toVersion);
        StateDiffs.Side toSide = new StateDiffs.Side(to.spec(), Format.valueOf(to.format()), null);
        if (from == null || from.isBlank()) {
            JobRecord running = runningJob(tenantId, pipeline).orElseThrow(() -> new ApiProblem(409,
                    "no-running-job", "No running job", "pipeline '" + pipeline + "' has no RUNNING job to diff"
                            + " against; pass ?from=<version> or ?from=<job id>"));
            return new StateDiffView(running.pipelineVersion(), running.id(), toVersion,
                    diffs.compare(sideOf(running), toSide).diff());
        }
        if (from.chars().allMatch(Character::isDigit) && from.length() < 10) {
            PipelineVersionView old = pipelines.version(tenantId, pipeline, Integer.parseInt(from));
            return new StateDiffView(old.version(), null, toVersion, diffs.compare(
                    new StateDiffs.Side(old.spec(), Format.valueOf(old.format()), null), toSide).diff());
        }
        UUID jobId;
        try {
            jobId = UUID.fromString(from);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("from='" + from + "' is neither a version number nor a job id",
                    List.of(FieldError.field("from", "a version (1, 2, ...) or a job id (UUID)")));
        }
        JobRecord job = jobRows.find(tenantId, jobId).orElseThrow(() -> ApiProblem.notFound("no job " + jobId
                + " in tenant " + tenantId));
        return new StateDiffView(job.pipelineVersion(), job.id(), toVersion,
                diffs.compare(sideOf(job), toSide).diff());
    }

    /**
     * A deploy of {@code version} while a job of the pipeline is RUNNING is an upgrade: empty when none runs (the
     * caller deploys as usual). Drops state only with {@code confirmDroppedState}, else
     * {@link StateDropNeedsConfirmation}. Waits for the stop-with-savepoint and the new job's submission; the upgrade
     * is then IN_PROGRESS until the watcher decides.
     */
    public Optional<Started> upgradeIfRunning(Caller caller, DeployableVersion version, Integer parallelism,
            boolean confirmDroppedState) {
        Optional<JobRecord> found = runningJob(caller.tenantId(), version.pipelineName());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JobRecord running = found.get();
        if (running.pipelineVersion() == null) {
            return Optional.empty(); // cannot happen for a job listed by pipeline; a raw-spec job is never upgraded
        }
        StateDiffs.Compared compared = diffs.compare(sideOf(running),
                new StateDiffs.Side(version.spec(), version.format(), parallelism));
        StateDiffView diff = new StateDiffView(running.pipelineVersion(), running.id(), version.version(),
                compared.diff());
        if (diff.dropsState() && !confirmDroppedState) {
            throw new StateDropNeedsConfirmation(diff);
        }
        List<DroppedStateRef> dropped = DroppedStates.of(compared.diff(), compared.from(), compared.to());
        UpgradeView upgrade = upgrades.begin(caller, version.pipelineName(), running.id(),
                running.pipelineVersion(), version.version(), dropped);
        inFlight.add(upgrade.id());
        try {
            return Optional.of(new Started(carryOut(caller, upgrade, version, parallelism, dropped), diff));
        } finally {
            inFlight.remove(upgrade.id());
        }
    }

    /** The pipeline's upgrades, newest first. */
    public List<UpgradeView> list(String tenantId, String pipeline) {
        return upgrades.list(tenantId, pipelines.idOf(tenantId, pipeline));
    }

    boolean inFlight(UUID upgradeId) {
        return inFlight.contains(upgradeId);
    }

    private UpgradeView carryOut(Caller caller, UpgradeView upgrade, DeployableVersion version, Integer parallelism,
            List<DroppedStateRef> dropped) {
        UUID oldJob = upgrade.fromJobId();
        long savepoint;
        try {
            jobs.stopWithSavepoint(caller, oldJob).get(config.upgradeStopTimeout().toMillis(), TimeUnit.MILLISECONDS);
            savepoint = newestSavepoint(caller.tenantId(), oldJob);
        } catch (RuntimeException | ExecutionException | TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String why = "stopping job " + oldJob + " with a savepoint failed: " + messageOf(e);
            upgrades.end(upgrade.id(), UpgradeState.FAILED, why + "; " + stateOf(caller.tenantId(), oldJob), null);
            throw new ApiProblem(409, "upgrade-failed", "Upgrade failed", why);
        }
        upgrade = upgrades.savepointTaken(upgrade.id(), savepoint);
        JobView next;
        try {
            next = jobs.deploy(caller, new PipelineVersionRef(version.pipelineId(), version.version()),
                    version.spec(), new SubmitOptions(version.format(), parallelism, null, null), oldJob, savepoint,
                    dropped);
        } catch (RuntimeException e) {
            LOG.warnf("tenant=%s pipeline=%s upgrade=%s: version %d could not be submitted (%s); rolling back",
                    caller.tenantId(), version.pipelineName(), upgrade.id(), version.version(), messageOf(e));
            return rollback.rollBack(upgrade, "version " + version.version() + " could not be submitted: "
                    + messageOf(e));
        }
        return upgrades.newJobSubmitted(upgrade.id(), next.id());
    }

    private long newestSavepoint(String tenantId, UUID jobId) {
        return jobs.checkpoints(tenantId, jobId).stream()
                .filter(c -> c.savepoint() && c.completed() && c.usable())
                .map(CheckpointRecord::checkpointId)
                .max(Long::compare)
                .orElseThrow(() -> new IllegalStateException("job " + jobId + " was stopped but has no savepoint"));
    }

    private String stateOf(String tenantId, UUID jobId) {
        return jobRows.find(tenantId, jobId).map(j -> "job " + jobId + " is " + j.state()
                + (j.state() == JobState.RUNNING ? " (still running the old version)" : "")).orElse("");
    }

    private Optional<JobRecord> runningJob(String tenantId, String pipeline) {
        UUID pipelineId = pipelines.idOf(tenantId, pipeline);
        List<JobRecord> running = jobRows.list(tenantId, pipelineId, JobState.RUNNING);
        if (running.size() > 1) {
            throw new ApiProblem(409, "several-running-jobs", "Several running jobs", "pipeline '" + pipeline
                    + "' has " + running.size() + " RUNNING jobs (" + running.stream().map(j -> j.id().toString())
                            .toList() + "); an upgrade replaces exactly one: stop the others, or deploy with"
                    + " fromSavepoint");
        }
        return running.stream().findFirst();
    }

    private static StateDiffs.Side sideOf(JobRecord job) {
        return new StateDiffs.Side(job.spec(), Format.valueOf(job.specFormat()), job.parallelism());
    }

    private static String messageOf(Throwable e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof TimeoutException) {
            return "no answer within the stop timeout";
        }
        if (cause instanceof JobOperationException || cause instanceof ApiProblem) {
            return cause.getMessage();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
