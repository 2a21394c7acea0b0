package io.millrace.controlplane.upgrade.persistence;

import io.millrace.controlplane.upgrade.UpgradeState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries over {@code pipeline_upgrade}; every tenant-facing one filters by tenant. */
@ApplicationScoped
public class UpgradeRepository implements PanacheRepositoryBase<UpgradeEntity, UUID> {

    /** Newest first. */
    public List<UpgradeEntity> listForPipeline(String tenantId, UUID pipelineId) {
        return list("tenantId = ?1 and pipelineId = ?2", Sort.by("startedAt", Sort.Direction.Descending), tenantId,
                pipelineId);
    }

    public Optional<UpgradeEntity> inProgress(String tenantId, UUID pipelineId) {
        return find("tenantId = ?1 and pipelineId = ?2 and state = ?3", tenantId, pipelineId,
                UpgradeState.IN_PROGRESS).firstResultOptional();
    }

    /** Every tenant's upgrades in progress: the watcher's work list. */
    public List<UpgradeEntity> allInProgress() {
        return list("state", Sort.by("startedAt"), UpgradeState.IN_PROGRESS);
    }
}
