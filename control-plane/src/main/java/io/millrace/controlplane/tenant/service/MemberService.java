package io.millrace.controlplane.tenant.service;

import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.audit.AuditLog;
import io.millrace.controlplane.security.Caller;
import io.millrace.controlplane.security.CallerCache;
import io.millrace.controlplane.security.Role;
import io.millrace.controlplane.tenant.persistence.MemberEntity;
import io.millrace.controlplane.tenant.persistence.MemberRepository;
import io.millrace.controlplane.tenant.persistence.TenantEntity;
import io.millrace.controlplane.tenant.persistence.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Members and tenants as seen by a caller; membership changes lock the tenant row, so the rule "a tenant always keeps
 * at least one admin" holds under concurrent changes. Every write is audited in its transaction.
 */
@ApplicationScoped
public class MemberService {

    private final TenantRepository tenants;
    private final MemberRepository members;
    private final AuditLog audit;
    private final CallerCache callers;
    private final Clock clock = Clock.systemUTC();

    public MemberService(TenantRepository tenants, MemberRepository members, AuditLog audit, CallerCache callers) {
        this.tenants = tenants;
        this.members = members;
        this.audit = audit;
        this.callers = callers;
    }

    /** Outcome of a PUT: the member, and whether the membership was created (or re-activated) by it. */
    public record Assigned(MemberView member, boolean created) {
    }

    @Transactional
    public List<MemberView> list(Caller caller) {
        return members.activeInTenant(caller.tenantId()).stream().map(MemberView::of).toList();
    }

    /** The caller's tenants with their role: for a user every active membership, for an API token its own tenant. */
    @Transactional
    public List<TenantView> tenantsOf(Caller caller) {
        if (caller.apiToken()) {
            return List.of(current(caller));
        }
        return members.activeOfUser(caller.userId()).stream()
                .map(member -> new TenantView(member.tenantId(), tenants.findByIdOptional(member.tenantId())
                        .map(TenantEntity::displayName).orElse(member.tenantId()), member.role()))
                .toList();
    }

    @Transactional
    public TenantView current(Caller caller) {
        String displayName = tenants.findByIdOptional(caller.tenantId()).map(TenantEntity::displayName)
                .orElse(caller.tenantId());
        return new TenantView(caller.tenantId(), displayName, caller.role());
    }

    @Transactional
    public Assigned assign(Caller caller, String userId, Role role, String username) {
        lockTenant(caller);
        callers.invalidateOnCommit();
        Instant now = clock.instant();
        Optional<MemberEntity> existing = members.find(caller.tenantId(), userId);
        if (existing.isEmpty()) {
            if (username == null || username.isBlank()) {
                throw ApiProblem.badRequest("user " + userId + " is not a member of tenant " + caller.tenantId()
                        + " yet: send 'username' too, to add them", List.of(io.millrace.controlplane.api.FieldError
                                .field("username", "required when adding a member")));
            }
            MemberEntity added = MemberEntity.added(caller.tenantId(), userId, username.trim(), role, now);
            members.persist(added);
            audit.record(caller, "member.add", "member", userId, null, MemberHashes.of(added));
            return new Assigned(MemberView.of(added), true);
        }
        MemberEntity member = existing.get();
        boolean wasActive = member.isActive();
        String before = MemberHashes.of(member);
        if (wasActive && member.role() == Role.ADMIN && role != Role.ADMIN) {
            requireAnotherAdmin(caller, userId, "demote");
        }
        member.assign(role, username, now);
        audit.record(caller, wasActive ? "member.update" : "member.add", "member", userId, before,
                MemberHashes.of(member));
        return new Assigned(MemberView.of(member), !wasActive);
    }

    @Transactional
    public void remove(Caller caller, String userId) {
        lockTenant(caller);
        callers.invalidateOnCommit();
        MemberEntity member = members.find(caller.tenantId(), userId).filter(MemberEntity::isActive)
                .orElseThrow(() -> ApiProblem.notFound("no member " + userId + " in tenant " + caller.tenantId()));
        if (member.role() == Role.ADMIN) {
            requireAnotherAdmin(caller, userId, "remove");
        }
        String before = MemberHashes.of(member);
        member.remove(clock.instant());
        audit.record(caller, "member.remove", "member", userId, before, null);
    }

    private void lockTenant(Caller caller) {
        tenants.lock(caller.tenantId()).orElseThrow(() -> ApiProblem.notFound("no tenant " + caller.tenantId()));
    }

    private void requireAnotherAdmin(Caller caller, String userId, String verb) {
        if (members.activeAdmins(caller.tenantId()) <= 1) {
            throw ApiProblem.conflict("cannot " + verb + " " + userId + ": they are the last admin of tenant "
                    + caller.tenantId() + "; make another member admin first");
        }
    }
}
