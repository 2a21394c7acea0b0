package io.millrace.controlplane.pipeline.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.jpa.HibernateHints;
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

    /** A pipeline and its newest version, read together, read-only. */
    public record WithLatest(PipelineEntity pipeline, PipelineVersionEntity latest) {
    }

    /** The pipeline with its newest version in one round trip: {@code GET /pipelines/{name}} is the API's commonest read. */
    public Optional<WithLatest> findWithLatest(String tenantId, String name) {
        return withLatest("p.tenantId = ?1 and p.name = ?2", tenantId, name).stream().findFirst();
    }

    /** The tenant's pipelines by name, each with its newest version, in one query (not one per pipeline). */
    public List<WithLatest> listWithLatest(String tenantId) {
        return withLatest("p.tenantId = ?1", tenantId);
    }

    private List<WithLatest> withLatest(String where, Object... parameters) {
        var query = getEntityManager().createQuery("select p, v from PipelineEntity p, PipelineVersionEntity v"
                + " where v.tenantId = p.tenantId and v.pipelineId = p.id and v.version = p.latestVersion and " + where
                + " order by p.name", Object[].class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        // Nothing read here is changed in the same transaction: spare Hibernate the snapshots and the dirty check.
        query.setHint(HibernateHints.HINT_READ_ONLY, true);
        return query.getResultList().stream()
                .map(row -> new WithLatest((PipelineEntity) row[0], (PipelineVersionEntity) row[1])).toList();
    }
}
