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

    /** The tenant's jobs, optionally only those of one pipeline and/or in one state, oldest first. */
    public List<JobEntity> listForTenant(String tenantId, UUID pipelineId, JobState state) {
        StringBuilder query = new StringBuilder("tenantId = :tenant");
        var params = io.quarkus.panache.common.Parameters.with("tenant", tenantId);
        if (pipelineId != null) {
            query.append(" and pipelineId = :pipeline");
            params = params.and("pipeline", pipelineId);
        }
        if (state != null) {
            query.append(" and state = :state");
            params = params.and("state", state);
        }
        return list(query.toString(), Sort.by("createdAt").and("id"), params);
    }

    /** Jobs of a pipeline that have not ended (they keep the pipeline from being deleted). */
    public long countLive(String tenantId, UUID pipelineId) {
        return count("tenantId = ?1 and pipelineId = ?2 and state not in ?3", tenantId, pipelineId,
                List.of(JobState.CANCELED, JobState.FINISHED, JobState.FAILED));
    }

    /**
     * Sets {@code desired_state} alone, without the entity version: the job master may be writing the same row (its
     * state) at the same time, and neither write may fail or undo the other.
     */
    public int markDesired(String tenantId, UUID id, String desiredState) {
        return update("desiredState = ?1 where tenantId = ?2 and id = ?3", desiredState, tenantId, id);
    }

    /** Cluster-wide, for the control plane's own bookkeeping (start-up resume), never for a caller. */
    public List<JobEntity> inStates(Collection<JobState> states) {
        return list("state in ?1", Sort.by("createdAt"), states);
    }
}
