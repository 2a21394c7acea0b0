package io.millrace.controlplane.tenant.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;

/** Queries over {@code tenant}. */
@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<TenantEntity, String> {

    /** Creates the tenant unless it exists; safe when two first requests race (no exception, no duplicate). */
    public void createIfAbsent(String id, String displayName, Instant now) {
        getEntityManager().createNativeQuery("INSERT INTO tenant (id, display_name, created_at) VALUES (?1, ?2, ?3)"
                + " ON CONFLICT (id) DO NOTHING")
                .setParameter(1, id).setParameter(2, displayName).setParameter(3, now)
                .executeUpdate();
    }

    /**
     * Locks the tenant row for the rest of the transaction: membership changes of one tenant run one at a time, so two
     * admins demoting each other cannot both pass the "not the last admin" check.
     */
    public Optional<TenantEntity> lock(String tenantId) {
        return Optional.ofNullable(getEntityManager().find(TenantEntity.class, tenantId,
                LockModeType.PESSIMISTIC_WRITE));
    }
}
