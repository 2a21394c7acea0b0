package io.millrace.controlplane.security.oidc;

import io.millrace.controlplane.security.config.ApiConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Identities Quarkus OIDC has verified, by the SHA-256 of the exact bearer token, until the token's {@code exp} or
 * {@code millrace.api.jwt-cache-ttl}, whichever comes first. Verifying a Keycloak access token (parse the header and
 * claims, check the RS256 signature, issuer, audience, times) cost about 0.65 ms of CPU per request here, more than
 * the rest of a pipeline read; a console or script sends the same token for minutes.
 *
 * <p>What it does not weaken: a token that differs in one byte (a forged signature, edited claims) has another hash and
 * is verified by OIDC; an expired token is never answered from here; local JWT verification never noticed a
 * Keycloak-side logout anyway (that needs introspection, which this service does not use). Bounded: emptied when it
 * reaches {@link #MAX_ENTRIES}.
 */
@ApplicationScoped
public class VerifiedJwtCache {

    static final int MAX_ENTRIES = 10_000;

    private record Entry(SecurityIdentity identity, Instant usableUntil) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    @Inject
    public VerifiedJwtCache(ApiConfig config) {
        this(config.jwtCacheTtl(), Clock.systemUTC());
    }

    VerifiedJwtCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The identity OIDC verified for exactly this token, while both the token and the entry are still valid. */
    public Optional<SecurityIdentity> find(String token) {
        if (!enabled()) {
            return Optional.empty();
        }
        Entry entry = entries.get(hash(token));
        return entry != null && clock.instant().isBefore(entry.usableUntil()) ? Optional.of(entry.identity())
                : Optional.empty();
    }

    /** Remembers what OIDC verified; a token without {@code exp} is not remembered (it would never expire here). */
    public void remember(String token, SecurityIdentity identity) {
        if (!enabled() || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        Instant now = clock.instant();
        Instant expiry = Instant.ofEpochSecond(jwt.getExpirationTime());
        Instant until = now.plus(ttl).isBefore(expiry) ? now.plus(ttl) : expiry;
        if (!now.isBefore(until)) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(hash(token), new Entry(identity, until));
    }

    int size() {
        return entries.size();
    }

    private boolean enabled() {
        return !(ttl.isZero() || ttl.isNegative());
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
