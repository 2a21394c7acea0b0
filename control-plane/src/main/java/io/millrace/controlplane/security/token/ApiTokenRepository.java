package io.millrace.controlplane.security.token;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries over {@code api_token}. Every query a caller reaches names the tenant. */
@ApplicationScoped
public class ApiTokenRepository implements PanacheRepositoryBase<ApiTokenEntity, UUID> {

    /** Authentication only: the secret's hash is globally unique, the tenant comes from the row found. */
    public Optional<ApiTokenEntity> findBySecretHash(String sha256) {
        return find("secretSha256", sha256).firstResultOptional();
    }

    public Optional<ApiTokenEntity> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public List<ApiTokenEntity> listInTenant(String tenantId) {
        return list("tenantId", Sort.by("createdAt").and("id"), tenantId);
    }

    public List<ApiTokenEntity> listInTenantCreatedBy(String tenantId, String userId) {
        return list("tenantId = ?1 and createdBy = ?2", Sort.by("createdAt").and("id"), tenantId, userId);
    }

    /**
     * Sets {@code last_used_at} unless it was set less than {@code granularity} ago: at most one write per token per
     * granularity, whatever the request rate and however many control planes run.
     *
     * @return whether a row was written
     */
    public boolean touch(UUID id, Instant now, Duration granularity) {
        return update("lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)", now, id,
                now.minus(granularity)) > 0;
    }
}
