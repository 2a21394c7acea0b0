package io.millrace.controlplane.upgrade.service;

import io.millrace.controlplane.job.service.JobOperationException;
import io.millrace.controlplane.job.service.JobRecord;
import io.millrace.controlplane.job.service.JobService;
import io.millrace.controlplane.job.service.JobStore;
import io.millrace.controlplane.job.service.SubmitOptions;
import io.millrace.controlplane.upgrade.UpgradeState;
import io.millrace.controlplane.upgrade.config.UpgradeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Puts the old version back: stops the upgrade's new job if it still runs, resumes the OLD job's spec from the
 * upgrade's savepoint (nothing dropped: the savepoint is the old version's own state) and ends the upgrade
 * ROLLED_BACK. Idempotent across a control-plane crash: a resumed job of the old version from that savepoint created
 * after the upgrade started is adopted instead of starting a second one.
 */
@ApplicationScoped
public class UpgradeRollback {

    private static final Logger LOG = Logger.getLogger(UpgradeRollback.class);

    private final JobService jobs;
    private final JobStore jobRows;
    private final UpgradeStore upgrades;
    private final UpgradeConfig config;

    public UpgradeRollback(JobService jobs, JobStore jobRows, UpgradeStore upgrades, UpgradeConfig config) {
        this.jobs = jobs;
        this.jobRows = jobRows;
        this.upgrades = upgrades;
        this.config = config;
    }

    /** Rolls back {@code upgrade} (which must have a savepoint) because of {@code cause}. */
    public UpgradeView rollBack(UpgradeView upgrade, String cause) {
        if (upgrade.savepointId() == null) {
            throw new IllegalStateException("upgrade " + upgrade.id() + " has no savepoint to roll back to");
        }
        if (upgrade.toJobId() != null) {
            stop(upgrade.tenantId(), upgrade.toJobId());
        }
        UUID rollbackJob = jobRows.list(upgrade.tenantId(), upgrade.pipelineId(), null).stream()
                .filter(j -> isRollbackOf(j, upgrade))
                .max(Comparator.comparing(JobRecord::createdAt))
                .map(JobRecord::id)
                .orElseGet(() -> jobs.resume(upgrade.tenantId(), upgrade.fromJobId(), upgrade.savepointId(),
                        SubmitOptions.defaults()).id());
        return upgrades.end(upgrade.id(), UpgradeState.ROLLED_BACK, cause + "; rolled back: version "
                + upgrade.fromVersion() + " resumed from savepoint " + upgrade.savepointId() + " of job "
                + upgrade.fromJobId() + " as job " + rollbackJob, rollbackJob);
    }

    private static boolean isRollbackOf(JobRecord job, UpgradeView upgrade) {
        return upgrade.fromJobId().equals(job.restoreJobId()) && upgrade.savepointId().equals(job.restoreCheckpointId())
                && !job.id().equals(upgrade.toJobId()) && !job.createdAt().isBefore(upgrade.startedAt());
    }

    private void stop(String tenantId, UUID jobId) {
        var job = jobRows.find(tenantId, jobId);
        if (job.isEmpty() || job.get().state().isTerminal()) {
            return;
        }
        try {
            jobs.cancel(tenantId, jobId).get(config.upgradeStopTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (JobOperationException ended) {
            LOG.debugf("job=%s: ended before the rollback cancelled it (%s)", jobId, ended.getMessage());
        } catch (ExecutionException e) {
            LOG.debugf("job=%s: cancel for the rollback: %s", jobId, e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new IllegalStateException("job " + jobId + " did not stop within "
                    + config.upgradeStopTimeout().toSeconds() + " s; the rollback retries", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping job " + jobId, e);
        }
    }
}
