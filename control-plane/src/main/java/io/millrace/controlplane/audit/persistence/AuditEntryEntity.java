package io.millrace.controlplane.audit.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One audit entry (table {@code audit_entry}); written once, never changed. */
@Entity
@Table(name = "audit_entry")
public class AuditEntryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "tenant_id", nullable = false)
    private String tenantId;
    @Column(nullable = false)
    private Instant at;
    @Column(name = "actor_user_id", nullable = false)
    private String actorUserId;
    @Column(name = "actor_token_id")
    private UUID actorTokenId;
    @Column(nullable = false)
    private String action;
    @Column(name = "resource_type", nullable = false)
    private String resourceType;
    @Column(name = "resource_id", nullable = false)
    private String resourceId;
    @Column(name = "before_hash")
    private String beforeHash;
    @Column(name = "after_hash")
    private String afterHash;

    protected AuditEntryEntity() {
        // for JPA
    }

    public static AuditEntryEntity of(String tenantId, Instant at, String actorUserId, UUID actorTokenId,
            String action, String resourceType, String resourceId, String beforeHash, String afterHash) {
        AuditEntryEntity entry = new AuditEntryEntity();
        entry.tenantId = tenantId;
        entry.at = at;
        entry.actorUserId = actorUserId;
        entry.actorTokenId = actorTokenId;
        entry.action = action;
        entry.resourceType = resourceType;
        entry.resourceId = resourceId;
        entry.beforeHash = beforeHash;
        entry.afterHash = afterHash;
        return entry;
    }

    public Long id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public Instant at() {
        return at;
    }

    public String actorUserId() {
        return actorUserId;
    }

    public UUID actorTokenId() {
        return actorTokenId;
    }

    public String action() {
        return action;
    }

    public String resourceType() {
        return resourceType;
    }

    public String resourceId() {
        return resourceId;
    }

    public String beforeHash() {
        return beforeHash;
    }

    public String afterHash() {
        return afterHash;
    }
}
