package io.millrace.controlplane.upgrade.service;

import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.audit.AuditHash;
import io.millrace.controlplane.audit.AuditLog;
import io.millrace.controlplane.job.service.DroppedStateRef;
import io.millrace.controlplane.job.service.DroppedStatesCodec;
import io.millrace.controlplane.pipeline.persistence.PipelineRepository;
import io.millrace.controlplane.security.Caller;
import io.millrace.controlplane.security.Role;
import io.millrace.controlplane.upgrade.UpgradeState;
import io.millrace.controlplane.upgrade.persistence.UpgradeEntity;
import io.millrace.controlplane.upgrade.persistence.UpgradeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Upgrade rows: each method is one transaction and records its audit entry in it ({@code pipeline.upgrade} when asked,
 * {@code pipeline.upgrade-<outcome>} when it ends). Ends decided by the watcher are attributed to the control plane
 * itself (user {@value #SYSTEM_USER}), not to whoever asked for the upgrade.
 */
@ApplicationScoped
public class UpgradeStore {

    static final String SYSTEM_USER = "millrace-control-plane";
    private static final Logger LOG = Logger.getLogger(UpgradeStore.class);

    private final UpgradeRepository upgrades;
    private final PipelineRepository pipelines;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    public UpgradeStore(UpgradeRepository upgrades, PipelineRepository pipelines, AuditLog audit) {
        this.upgrades = upgrades;
        this.pipelines = pipelines;
        this.audit = audit;
    }

    /**
     * Records a new upgrade IN_PROGRESS. Writers of the pipeline take turns on its row lock, so two deploys cannot
     * both start one (the partial unique index is the backstop): the second gets 409 {@code upgrade-in-progress}.
     */
    @Transactional
    public UpgradeView begin(Caller caller, String pipelineName, UUID fromJobId, int fromVersion, int toVersion,
            List<DroppedStateRef> dropped) {
        var pipeline = pipelines.lockByName(caller.tenantId(), pipelineName).orElseThrow(() -> ApiProblem.notFound(
                "no pipeline '" + pipelineName + "' in tenant " + caller.tenantId()));
        Optional<UpgradeEntity> running = upgrades.inProgress(caller.tenantId(), pipeline.id());
        if (running.isPresent()) {
            throw new ApiProblem(409, "upgrade-in-progress", "Upgrade in progress", "pipeline '" + pipelineName
                    + "' is being upgraded already (upgrade " + running.get().id() + ", " + running.get().reason()
                    + "); wait until it ends (GET /api/v1/pipelines/" + pipelineName + "/upgrades)");
        }
        UpgradeEntity upgrade = UpgradeEntity.started(UUID.randomUUID(), caller.tenantId(), pipeline.id(),
                pipelineName, fromJobId, fromVersion, toVersion, DroppedStatesCodec.toJson(dropped),
                caller.displayName() == null ? caller.userId() : caller.displayName(), clock.instant());
        upgrades.persist(upgrade);
        upgrades.flush();
        audit.record(caller, "pipeline.upgrade", "pipeline", pipelineName, null, hash(upgrade));
        LOG.infof("tenant=%s pipeline=%s upgrade=%s: version %d (job %s) -> version %d by %s, dropping %s",
                caller.tenantId(), pipelineName, upgrade.id(), fromVersion, fromJobId, toVersion, caller.userId(),
                dropped.isEmpty() ? "nothing" : dropped);
        return UpgradeView.of(upgrade);
    }

    @Transactional
    public UpgradeView savepointTaken(UUID id, long savepointId) {
        UpgradeEntity upgrade = require(id);
        upgrade.savepointTaken(savepointId, clock.instant());
        return UpgradeView.of(upgrade);
    }

    @Transactional
    public UpgradeView newJobSubmitted(UUID id, UUID jobId) {
        UpgradeEntity upgrade = require(id);
        upgrade.newJobSubmitted(jobId, clock.instant());
        LOG.infof("tenant=%s pipeline=%s upgrade=%s: job %s runs version %d; watching it", upgrade.tenantId(),
                upgrade.pipelineName(), id, jobId, upgrade.toVersion());
        return UpgradeView.of(upgrade);
    }

    /** Ends the upgrade (SUCCEEDED, ROLLED_BACK or FAILED) with the reason; audited as the control plane's act. */
    @Transactional
    public UpgradeView end(UUID id, UpgradeState outcome, String reason, UUID rollbackJobId) {
        UpgradeEntity upgrade = require(id);
        String before = hash(upgrade);
        upgrade.end(outcome, reason, rollbackJobId, clock.instant());
        upgrades.flush();
        audit.record(systemCaller(upgrade.tenantId()), "pipeline.upgrade-" + outcome.name().toLowerCase()
                .replace('_', '-'), "pipeline", upgrade.pipelineName(), before, hash(upgrade));
        String line = String.format("tenant=%s pipeline=%s upgrade=%s: %s: %s", upgrade.tenantId(),
                upgrade.pipelineName(), id, outcome, reason);
        if (outcome == UpgradeState.SUCCEEDED) {
            LOG.info(line);
        } else {
            LOG.warn(line);
        }
        return UpgradeView.of(upgrade);
    }

    @Transactional
    public Optional<UpgradeView> find(UUID id) {
        return upgrades.findByIdOptional(id).map(UpgradeView::of);
    }

    /** Newest first. */
    @Transactional
    public List<UpgradeView> list(String tenantId, UUID pipelineId) {
        return upgrades.listForPipeline(tenantId, pipelineId).stream().map(UpgradeView::of).toList();
    }

    @Transactional
    public List<UpgradeView> allInProgress() {
        return upgrades.allInProgress().stream().map(UpgradeView::of).toList();
    }

    private UpgradeEntity require(UUID id) {
        return upgrades.findByIdOptional(id).orElseThrow(() -> new IllegalStateException("no upgrade " + id));
    }

    private static String hash(UpgradeEntity u) {
        return AuditHash.of(u.id() + "|" + u.state() + "|" + u.fromJobId() + "|" + u.toJobId() + "|"
                + u.savepointId() + "|" + u.rollbackJobId() + "|" + u.droppedStates());
    }

    private static Caller systemCaller(String tenantId) {
        return new Caller(tenantId, SYSTEM_USER, "upgrade watcher", Role.ADMIN, Set.of(), false);
    }
}
