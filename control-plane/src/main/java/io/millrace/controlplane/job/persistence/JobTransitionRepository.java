package io.millrace.controlplane.job.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class JobTransitionRepository implements PanacheRepositoryBase<JobTransitionEntity, Long> {

    public List<JobTransitionEntity> history(String tenantId, UUID jobId) {
        return list("tenantId = ?1 and jobId = ?2", Sort.by("id"), tenantId, jobId);
    }
}
