package io.millrace.controlplane.pipeline.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries over {@code pipeline_version}; every one filters by the caller's tenant. Inserts only: versions are immutable. */
@ApplicationScoped
public class PipelineVersionRepository
        implements PanacheRepositoryBase<PipelineVersionEntity, PipelineVersionEntity.Key> {

    public Optional<PipelineVersionEntity> find(String tenantId, UUID pipelineId, int version) {
        return find("tenantId = ?1 and pipelineId = ?2 and version = ?3", tenantId, pipelineId, version)
                .firstResultOptional();
    }

    /** Newest first. */
    public List<PipelineVersionEntity> listForPipeline(String tenantId, UUID pipelineId) {
        return list("tenantId = ?1 and pipelineId = ?2", Sort.descending("version"), tenantId, pipelineId);
    }

    /** Removes every version of a pipeline (its deletion; the pipeline row goes in the same transaction). */
    public long deleteForPipeline(String tenantId, UUID pipelineId) {
        return delete("tenantId = ?1 and pipelineId = ?2", tenantId, pipelineId);
    }
}
