package io.millrace.controlplane.security.token;

import io.millrace.controlplane.security.Scope;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A token as listed: never its secret nor its hash. */
public record ApiTokenView(UUID id, String name, String prefix, String createdBy, Set<Scope> scopes,
        Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

    static ApiTokenView of(ApiTokenEntity token) {
        return new ApiTokenView(token.id(), token.name(), token.prefix(), token.createdBy(), token.scopes(),
                token.createdAt(), token.expiresAt(), token.revokedAt(), token.lastUsedAt());
    }
}
