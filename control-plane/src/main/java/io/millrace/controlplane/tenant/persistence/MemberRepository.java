package io.millrace.controlplane.tenant.persistence;

import io.millrace.controlplane.security.Role;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Queries over {@code member}. Every query names the tenant, except a user's own memberships across tenants. */
@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<MemberEntity, MemberKey> {

    /** The membership row, active or removed. */
    public Optional<MemberEntity> find(String tenantId, String userId) {
        return find("tenantId = ?1 and userId = ?2", tenantId, userId).firstResultOptional();
    }

    public List<MemberEntity> activeInTenant(String tenantId) {
        return list("tenantId = ?1 and removedAt is null", Sort.by("username").and("userId"), tenantId);
    }

    /** The user's active memberships in every tenant: the caller's own, for the console's tenant switcher. */
    public List<MemberEntity> activeOfUser(String userId) {
        return list("userId = ?1 and removedAt is null", Sort.by("tenantId"), userId);
    }

    public long activeAdmins(String tenantId) {
        return count("tenantId = ?1 and role = ?2 and removedAt is null", tenantId, Role.ADMIN);
    }

    /**
     * Adds the membership unless a row exists (active or removed); safe when two first requests race.
     *
     * @return whether this call added it
     */
    public boolean addIfAbsent(String tenantId, String userId, String username, Role role, Instant now) {
        return getEntityManager().createNativeQuery("INSERT INTO member (tenant_id, user_id, username, role, created_at,"
                + " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT (tenant_id, user_id) DO NOTHING")
                .setParameter(1, tenantId).setParameter(2, userId).setParameter(3, username)
                .setParameter(4, role.name()).setParameter(5, now)
                .executeUpdate() == 1;
    }
}
