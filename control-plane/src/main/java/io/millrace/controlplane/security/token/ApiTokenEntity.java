package io.millrace.controlplane.security.token;

import io.millrace.controlplane.security.Scope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A Millrace API token (table {@code api_token}). Tenant-owned; holds the secret's SHA-256, never the secret. */
@Entity
@Table(name = "api_token")
public class ApiTokenEntity {

    @Id
    private UUID id;
    @Column(name = "tenant_id", nullable = false)
    private String tenantId;
    @Column(nullable = false)
    private String name;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(nullable = false)
    private String scopes;
    @Column(name = "secret_sha256", nullable = false)
    private String secretSha256;
    @Column(nullable = false)
    private String prefix;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ApiTokenEntity() {
        // for JPA
    }

    public static ApiTokenEntity issued(UUID id, String tenantId, String name, String createdBy, Set<Scope> scopes,
            ApiTokenSecret secret, Instant now, Instant expiresAt) {
        ApiTokenEntity token = new ApiTokenEntity();
        token.id = id;
        token.tenantId = tenantId;
        token.name = name;
        token.createdBy = createdBy;
        token.scopes = scopes.stream().sorted().map(Scope::wireName).collect(Collectors.joining(","));
        token.secretSha256 = secret.sha256();
        token.prefix = secret.prefix();
        token.createdAt = now;
        token.expiresAt = expiresAt;
        return token;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public UUID id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public String createdBy() {
        return createdBy;
    }

    public Set<Scope> scopes() {
        Set<Scope> parsed = EnumSet.noneOf(Scope.class);
        Arrays.stream(scopes.split(",")).map(Scope::parse).flatMap(java.util.Optional::stream).forEach(parsed::add);
        return parsed;
    }

    public String prefix() {
        return prefix;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }
}
