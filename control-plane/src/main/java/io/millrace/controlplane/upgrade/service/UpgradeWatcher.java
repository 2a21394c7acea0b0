package io.millrace.controlplane.upgrade.service;

import io.millrace.controlplane.job.JobState;
import io.millrace.controlplane.job.persistence.JobTransitionEntity;
import io.millrace.controlplane.job.service.JobRecord;
import io.millrace.controlplane.job.service.JobStore;
import io.millrace.controlplane.upgrade.UpgradeState;
import io.millrace.controlplane.upgrade.config.UpgradeConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Follows every upgrade IN_PROGRESS (read from PostgreSQL each time, so watching resumes by itself after a
 * control-plane restart) and carries out {@link UpgradeJudge}'s verdict: SUCCEEDED, roll back, or abandoned.
 *
 * <p>An upgrade without a new job that this instance is not carrying out was interrupted by a control-plane stop:
 * with a savepoint on record it is rolled back (the old version resumes from it); without one the old job was never
 * stopped, or stopped without a savepoint we know of, and the upgrade FAILED with what to do.
 */
@ApplicationScoped
public class UpgradeWatcher {

    private static final Logger LOG = Logger.getLogger(UpgradeWatcher.class);

    private final UpgradeStore upgrades;
    private final UpgradeService service;
    private final UpgradeRollback rollback;
    private final JobStore jobs;
    private final UpgradeJudge judge;
    private final Clock clock = Clock.systemUTC();

    public UpgradeWatcher(UpgradeStore upgrades, UpgradeService service, UpgradeRollback rollback, JobStore jobs,
            UpgradeConfig config) {
        this.upgrades = upgrades;
        this.service = service;
        this.rollback = rollback;
        this.jobs = jobs;
        this.judge = new UpgradeJudge(config.upgradeGracePeriod(), config.upgradeMaxRestarts());
    }

    @Scheduled(identity = "pipeline-upgrade-watcher", every = "${millrace.jobs.upgrade-check-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watch() {
        for (UpgradeView upgrade : upgrades.allInProgress()) {
            try {
                look(upgrade);
            } catch (RuntimeException e) {
                LOG.errorf(e, "tenant=%s pipeline=%s upgrade=%s: watching failed (retried next round)",
                        upgrade.tenantId(), upgrade.pipeline(), upgrade.id());
            }
        }
    }

    private void look(UpgradeView upgrade) {
        if (upgrade.toJobId() == null) {
            if (!service.inFlight(upgrade.id())) {
                interrupted(upgrade);
            }
            return;
        }
        Optional<JobRecord> job = jobs.find(upgrade.tenantId(), upgrade.toJobId());
        if (job.isEmpty()) {
            upgrades.end(upgrade.id(), UpgradeState.FAILED, "the new job " + upgrade.toJobId() + " is gone", null);
            return;
        }
        UpgradeJudge.Verdict verdict = judge.judge(facts(upgrade, job.get()), clock.instant());
        // Java 17: no pattern switch; the verdicts are a sealed set, every one handled here.
        if (verdict instanceof UpgradeJudge.Succeeded ok) {
            upgrades.end(upgrade.id(), UpgradeState.SUCCEEDED, ok.reason(), null);
        } else if (verdict instanceof UpgradeJudge.Abandoned abandoned) {
            upgrades.end(upgrade.id(), UpgradeState.FAILED, abandoned.reason(), null);
        } else if (verdict instanceof UpgradeJudge.RollBack back) {
            rollback.rollBack(upgrade, "new job " + upgrade.toJobId() + " (version " + upgrade.toVersion() + "): "
                    + back.reason());
        }
    }

    private UpgradeJudge.NewJob facts(UpgradeView upgrade, JobRecord job) {
        Instant firstRunning = jobs.history(job.tenantId(), job.id()).stream()
                .filter(t -> t.toState() == JobState.RUNNING).map(JobTransitionEntity::at).min(Instant::compareTo)
                .orElse(null);
        return new UpgradeJudge.NewJob(job.state(), job.failureCount(), job.lastFailure(), job.stateReason(),
                job.createdAt(), firstRunning);
    }

    private void interrupted(UpgradeView upgrade) {
        String why = "the control plane stopped while the upgrade was carried out";
        if (upgrade.savepointId() != null) {
            rollback.rollBack(upgrade, why + " (after savepoint " + upgrade.savepointId() + ")");
            return;
        }
        String oldJob = jobs.find(upgrade.tenantId(), upgrade.fromJobId())
                .map(j -> j.state().isTerminal() ? "job " + j.id() + " is " + j.state() + ": resume it from its"
                        + " newest savepoint (GET /api/v1/jobs/" + j.id() + "/checkpoints)"
                        : "job " + j.id() + " still runs version " + upgrade.fromVersion())
                .orElse("job " + upgrade.fromJobId() + " is gone");
        upgrades.end(upgrade.id(), UpgradeState.FAILED, why + ", before a savepoint was recorded; " + oldJob, null);
    }
}
