package io.millrace.controlplane.security.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.millrace.controlplane.security.Scope;
import io.millrace.controlplane.security.token.ApiTokenView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An API token. {@code secret} is present only in the answer to its creation: store it then, it is never shown again. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(UUID id, String name, String prefix, String createdBy, List<String> scopes,
        Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt, String secret) {

    static TokenResponse from(ApiTokenView token, String secret) {
        return new TokenResponse(token.id(), token.name(), token.prefix(), token.createdBy(),
                token.scopes().stream().sorted().map(Scope::wireName).toList(), token.createdAt(), token.expiresAt(),
                token.revokedAt(), token.lastUsedAt(), secret);
    }
}
