package io.millrace.controlplane.security.token;

import io.millrace.controlplane.security.Caller;
import io.millrace.controlplane.security.CallerCache;
import io.millrace.controlplane.security.Role;
import io.millrace.controlplane.security.Scope;
import io.millrace.controlplane.tenant.persistence.MemberEntity;
import io.millrace.controlplane.tenant.persistence.MemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns an API token secret into a {@link Caller}: the token must exist, be neither revoked nor expired, and its
 * creator must still be an active member of the token's tenant. The effective role is min(creator's CURRENT role,
 * role the scopes imply), so demoting a user demotes their tokens at once.
 */
@ApplicationScoped
public class ApiTokenAuthenticator {

    /** last_used_at is a hint for people ("used 3 days ago"), not a log: one write per token per minute at most. */
    static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final MemberRepository members;
    private final Clock clock = Clock.systemUTC();

    public ApiTokenAuthenticator(ApiTokenRepository tokens, MemberRepository members) {
        this.tokens = tokens;
        this.members = members;
    }

    /** The caller a token secret stands for, with the token's expiry (no cached answer outlives it). */
    @Transactional
    public CallerCache.Resolution authenticate(String secret) {
        ApiTokenEntity token = tokens.findBySecretHash(ApiTokenSecret.sha256Of(secret))
                .orElseThrow(() -> new ApiTokenRejected("unknown API token; check that it was copied whole, or"
                        + " create a new one"));
        Instant now = clock.instant();
        if (token.isRevoked()) {
            throw new ApiTokenRejected("API token " + token.prefix() + "... was revoked at " + token.revokedAt()
                    + "; create a new one");
        }
        if (token.isExpiredAt(now)) {
            throw new ApiTokenRejected("API token " + token.prefix() + "... expired at " + token.expiresAt()
                    + "; create a new one");
        }
        MemberEntity creator = members.find(token.tenantId(), token.createdBy()).filter(MemberEntity::isActive)
                .orElseThrow(() -> new ApiTokenRejected("API token " + token.prefix() + "... belongs to a user who"
                        + " is no longer a member of tenant " + token.tenantId() + "; create a new one"));
        Role role = creator.role().min(Scope.highestRole(token.scopes()));
        tokens.touch(token.id(), now, LAST_USED_GRANULARITY);
        return new CallerCache.Resolution(new Caller(token.tenantId(), token.createdBy(), token.name(), role,
                token.scopes(), true, token.id().toString()), Optional.of(token.expiresAt()));
    }
}
