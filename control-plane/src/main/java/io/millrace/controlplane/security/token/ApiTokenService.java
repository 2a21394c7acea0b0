package io.millrace.controlplane.security.token;

import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.audit.AuditHash;
import io.millrace.controlplane.audit.AuditLog;
import io.millrace.controlplane.security.Caller;
import io.millrace.controlplane.security.CallerCache;
import io.millrace.controlplane.security.Role;
import io.millrace.controlplane.security.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * API token management. Policy: editors manage their OWN tokens, with scopes their role allows; admins manage every
 * token of the tenant; viewers none. Tokens cannot mint tokens (a leaked token must not be able to outlive itself):
 * creating one needs a signed-in user. Every write is audited in its transaction.
 */
@ApplicationScoped
public class ApiTokenService {

    private final ApiTokenRepository tokens;
    private final AuditLog audit;
    private final CallerCache callers;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    public ApiTokenService(ApiTokenRepository tokens, AuditLog audit, CallerCache callers) {
        this.tokens = tokens;
        this.audit = audit;
        this.callers = callers;
    }

    /** A created token and its secret, which exists only in this answer. */
    public record Issued(ApiTokenView token, String secret) {
    }

    /** Validated creation request: scopes within the caller's role, an expiry in the allowed range. */
    public record NewToken(String name, Set<Scope> scopes, Instant expiresAt) {
    }

    @Transactional
    public Issued create(Caller caller, NewToken request) {
        if (caller.apiToken()) {
            throw ApiProblem.forbidden("an API token cannot create API tokens; sign in (OIDC) to create one");
        }
        Instant now = clock.instant();
        ApiTokenSecret secret = ApiTokenSecret.generate(random);
        ApiTokenEntity token = ApiTokenEntity.issued(UUID.randomUUID(), caller.tenantId(), request.name(),
                caller.userId(), request.scopes(), secret, now, request.expiresAt());
        tokens.persist(token);
        audit.record(caller, "token.create", "api_token", token.id().toString(), null, hash(token));
        return new Issued(ApiTokenView.of(token), secret.secret());
    }

    @Transactional
    public List<ApiTokenView> list(Caller caller) {
        List<ApiTokenEntity> visible = caller.allows(Role.ADMIN) ? tokens.listInTenant(caller.tenantId())
                : tokens.listInTenantCreatedBy(caller.tenantId(), caller.userId());
        return visible.stream().map(ApiTokenView::of).toList();
    }

    /** Revokes; revoking a revoked token changes nothing (and writes no audit entry). */
    @Transactional
    public ApiTokenView revoke(Caller caller, UUID id) {
        ApiTokenEntity token = tokens.findInTenant(caller.tenantId(), id)
                .filter(found -> caller.allows(Role.ADMIN) || found.createdBy().equals(caller.userId()))
                .orElseThrow(() -> ApiProblem.notFound("no API token " + id + " that you can manage in tenant "
                        + caller.tenantId()));
        if (!token.isRevoked()) {
            String before = hash(token);
            token.revoke(clock.instant());
            callers.invalidateOnCommit();
            audit.record(caller, "token.revoke", "api_token", id.toString(), before, hash(token));
        }
        return ApiTokenView.of(token);
    }

    private static String hash(ApiTokenEntity token) {
        return AuditHash.of("api_token\n" + token.id() + "\n" + token.name() + "\n" + token.scopes() + "\n"
                + token.expiresAt() + "\n" + token.revokedAt());
    }
}
