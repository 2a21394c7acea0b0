package io.millrace.controlplane.security.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** Auth, API tokens and rate limits of {@code /api/v1}. Every key is documented here; the README lists them. */
@ConfigMapping(prefix = "millrace.api")
public interface ApiConfig {

    RateLimit rateLimit();

    Tokens tokens();

    Console console();

    /**
     * How long a resolved caller (membership and role; API token and its creator's role) is reused without asking the
     * database. Writes through this instance take effect at once; changes made elsewhere within this time. 0 turns
     * the cache off.
     */
    @WithName("caller-cache-ttl")
    @WithDefault("5s")
    Duration callerCacheTtl();

    /**
     * How long an identity Quarkus OIDC verified from a bearer JWT is reused for the same token (never past the token's
     * expiry). 0 verifies every request.
     */
    @WithName("jwt-cache-ttl")
    @WithDefault("60s")
    Duration jwtCacheTtl();

    /** Per caller (an API token, or a signed-in user) token bucket, in memory per control-plane instance. */
    interface RateLimit {

        /** Whether requests are limited at all. */
        @WithDefault("true")
        boolean enabled();

        /** Sustained requests per second one caller may make. */
        @WithName("per-second")
        @WithDefault("100")
        double perSecond();

        /** Requests one caller may make in a burst above the sustained rate (the bucket's size). */
        @WithDefault("200")
        int burst();
    }

    /** Millrace API tokens. */
    interface Tokens {

        /** Lifetime of a token created with neither {@code expiresAt} nor {@code ttlDays}. */
        @WithName("default-ttl")
        @WithDefault("90d")
        Duration defaultTtl();

        /** Longest lifetime a token may be created with: every token expires. */
        @WithName("max-ttl")
        @WithDefault("366d")
        Duration maxTtl();
    }

    /** What {@code GET /api/v1/auth/config} tells the console for its authorization code flow with PKCE. */
    interface Console {

        /** The public Keycloak client the console signs in with. */
        @WithName("client-id")
        @WithDefault("millrace-console")
        String clientId();
    }
}
