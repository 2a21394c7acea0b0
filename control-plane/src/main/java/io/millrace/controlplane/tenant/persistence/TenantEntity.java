package io.millrace.controlplane.tenant.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tenant (table {@code tenant}, {@code V4__tenants_members_tokens_audit.sql}). The id is a slug such as {@code acme}. */
@Entity
@Table(name = "tenant")
public class TenantEntity {

    @Id
    private String id;
    @Column(name = "display_name", nullable = false)
    private String displayName;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TenantEntity() {
        // for JPA
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
