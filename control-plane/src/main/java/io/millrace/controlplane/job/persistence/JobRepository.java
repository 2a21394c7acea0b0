package io.millrace.controlplane.job.persistence;

import io.millrace.controlplane.job.JobState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries over {@code job}. Every query a caller can reach with a tenant filters by tenant id. */
@ApplicationScoped
public class JobRepository implements PanacheRepositoryBase<JobEntity, UUID> {

    public Optional<JobEntity> findForTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public List<JobEntity> listForTenant(String tenantId) {
        return list("tenantId", Sort.by("createdAt").and("id"), tenantId);
    }

    /** Cluster-wide, for the control plane's own bookkeeping (start-up resume), never for a caller. */
    public List<JobEntity> inStates(Collection<JobState> states) {
        return list("state in ?1", Sort.by("createdAt"), states);
    }
}
