package io.millrace.controlplane.pipeline.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries over {@code pipeline}; every one filters by the caller's tenant. */
@ApplicationScoped
public class PipelineRepository implements PanacheRepositoryBase<PipelineEntity, UUID> {

    public Optional<PipelineEntity> findByName(String tenantId, String name) {
        return find("tenantId = ?1 and name = ?2", tenantId, name).firstResultOptional();
    }

    /**
     * The pipeline, locked until the transaction ends: writers of one pipeline (apply, delete, deploy) take turns, so
     * two applies never both number their version {@code n + 1} and an If-Match check holds until the commit.
     */
    public Optional<PipelineEntity> lockByName(String tenantId, String name) {
        return find("tenantId = ?1 and name = ?2", tenantId, name).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public List<PipelineEntity> listForTenant(String tenantId) {
        return list("tenantId", Sort.by("name"), tenantId);
    }
}
