package io.millrace.controlplane.tenant.persistence;

import io.millrace.controlplane.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A user's membership in a tenant (table {@code member}). A removed membership keeps its row ({@code removedAt} set) so
 * the just-in-time bootstrap never re-adds a user an admin removed; {@link #isActive()} is what counts.
 */
@Entity
@Table(name = "member")
@IdClass(MemberKey.class)
public class MemberEntity {

    @Id
    @Column(name = "tenant_id")
    private String tenantId;
    @Id
    @Column(name = "user_id")
    private String userId;
    @Column(nullable = false)
    private String username;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "removed_at")
    private Instant removedAt;

    protected MemberEntity() {
        // for JPA
    }

    public static MemberEntity added(String tenantId, String userId, String username, Role role, Instant now) {
        MemberEntity member = new MemberEntity();
        member.tenantId = tenantId;
        member.userId = userId;
        member.username = username;
        member.role = role;
        member.createdAt = now;
        member.updatedAt = now;
        return member;
    }

    /** Sets the role (and re-activates a removed member: an admin adding them back is explicit). */
    public void assign(Role newRole, String newUsername, Instant now) {
        this.role = newRole;
        if (newUsername != null && !newUsername.isBlank()) {
            this.username = newUsername;
        }
        this.removedAt = null;
        this.updatedAt = now;
    }

    public void remove(Instant now) {
        this.removedAt = now;
        this.updatedAt = now;
    }

    /** Keeps the display name as the identity provider last reported it. */
    public void seenAs(String seenUsername, Instant now) {
        this.username = seenUsername;
        this.updatedAt = now;
    }

    public boolean isActive() {
        return removedAt == null;
    }

    public String tenantId() {
        return tenantId;
    }

    public String userId() {
        return userId;
    }

    public String username() {
        return username;
    }

    public Role role() {
        return role;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant removedAt() {
        return removedAt;
    }
}
