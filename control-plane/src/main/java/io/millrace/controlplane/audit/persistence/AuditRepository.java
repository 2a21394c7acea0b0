package io.millrace.controlplane.audit.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Queries over {@code audit_entry}; reads always name the tenant. */
@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntryEntity, Long> {

    public List<AuditEntryEntity> page(String tenantId, AuditQuery query) {
        StringBuilder where = new StringBuilder("tenantId = :tenant");
        Parameters parameters = Parameters.with("tenant", tenantId);
        if (query.resourceType() != null) {
            where.append(" and resourceType = :type");
            parameters.and("type", query.resourceType());
        }
        if (query.action() != null) {
            where.append(" and action = :action");
            parameters.and("action", query.action());
        }
        if (query.since() != null) {
            where.append(" and at >= :since");
            parameters.and("since", query.since());
        }
        if (query.beforeId() != null) {
            where.append(" and id < :before");
            parameters.and("before", query.beforeId());
        }
        return find(where.toString(), Sort.descending("id"), parameters).page(Page.ofSize(query.limit())).list();
    }

    public long countInTenant(String tenantId) {
        return count("tenantId", tenantId);
    }
}
