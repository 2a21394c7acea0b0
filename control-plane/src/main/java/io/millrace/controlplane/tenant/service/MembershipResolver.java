package io.millrace.controlplane.tenant.service;

import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.audit.AuditLog;
import io.millrace.controlplane.security.Caller;
import io.millrace.controlplane.security.Role;
import io.millrace.controlplane.security.Scope;
import io.millrace.controlplane.tenant.persistence.MemberEntity;
import io.millrace.controlplane.tenant.persistence.MemberRepository;
import io.millrace.controlplane.tenant.persistence.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Which tenant a signed-in user acts in, with which role. The database membership is authoritative; the identity
 * provider only bootstraps it: the first time a user is seen in the tenant of their JWT {@code tenant} claim, that
 * tenant and their membership (role = highest realm role) are created just in time. A membership an admin removed stays
 * removed (403), whatever the JWT says.
 */
@ApplicationScoped
public class MembershipResolver {

    private static final Logger LOG = Logger.getLogger(MembershipResolver.class);

    private final TenantRepository tenants;
    private final MemberRepository members;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    public MembershipResolver(TenantRepository tenants, MemberRepository members, AuditLog audit) {
        this.tenants = tenants;
        this.members = members;
        this.audit = audit;
    }

    /**
     * @param requestedTenant the {@code Millrace-Tenant} header, when sent
     */
    @Transactional
    public Caller resolve(UserClaims user, Optional<String> requestedTenant) {
        String tenantId = requestedTenant.orElseGet(() -> user.tenantClaim().orElseGet(() -> onlyMembership(user)));
        if (!TenantIds.isValid(tenantId)) {
            throw notAMember(tenantId);
        }
        Optional<MemberEntity> row = members.find(tenantId, user.userId());
        if (row.isEmpty() && user.tenantClaim().filter(tenantId::equals).isPresent()) {
            row = Optional.of(bootstrap(tenantId, user));
        }
        MemberEntity member = row.orElseThrow(() -> notAMember(tenantId));
        if (!member.isActive()) {
            throw ApiProblem.forbidden("you were removed from tenant " + tenantId + " at " + member.removedAt()
                    + "; ask one of its admins to add you again");
        }
        if (!member.username().equals(user.username())) {
            member.seenAs(user.username(), clock.instant());
        }
        return new Caller(tenantId, user.userId(), member.username(), member.role(),
                Scope.grantableBy(member.role()), false);
    }

    private String onlyMembership(UserClaims user) {
        List<MemberEntity> active = members.activeOfUser(user.userId());
        if (active.size() == 1) {
            return active.get(0).tenantId();
        }
        if (active.isEmpty()) {
            throw ApiProblem.forbidden("you are not a member of any tenant and your token has no 'tenant' claim; ask"
                    + " a tenant admin to add you");
        }
        throw ApiProblem.badRequest("you are a member of several tenants ("
                + String.join(", ", active.stream().map(MemberEntity::tenantId).toList())
                + "); choose one with the 'Millrace-Tenant' header");
    }

    private MemberEntity bootstrap(String tenantId, UserClaims user) {
        Role role = user.realmRole().orElseThrow(() -> ApiProblem.forbidden("your token carries no Millrace role"
                + " (admin, editor or viewer) for tenant " + tenantId + "; ask an admin of the identity provider"));
        Instant now = clock.instant();
        tenants.createIfAbsent(tenantId, tenantId, now);
        boolean added = members.addIfAbsent(tenantId, user.userId(), user.username(), role, now);
        MemberEntity member = members.find(tenantId, user.userId()).orElseThrow();
        if (added) {
            Caller joined = new Caller(tenantId, user.userId(), user.username(), member.role(), Scope.grantableBy(
                    member.role()), false);
            audit.record(joined, "member.join", "member", user.userId(), null,
                    MemberHashes.of(member));
            LOG.infof("tenant %s: user %s (%s) joined as %s from the identity provider's claims", tenantId,
                    user.userId(), user.username(), member.role());
        }
        return member;
    }

    /** 404, not 403: whether a tenant exists is none of a non-member's business. */
    static ApiProblem notAMember(String tenantId) {
        return ApiProblem.notFound("no tenant '" + tenantId + "' that you are a member of; GET /api/v1/tenants lists"
                + " yours");
    }
}
