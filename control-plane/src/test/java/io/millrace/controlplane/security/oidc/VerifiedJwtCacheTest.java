package io.millrace.controlplane.security.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.controlplane.testing.MutableClock;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedJwtCacheTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);

    private static SecurityIdentity verified(Long exp) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new Jwt(exp)).addRole("editor").build();
    }

    @Test
    void aVerifiedTokenIsAnsweredUntilTheTtl() {
        VerifiedJwtCache cache = new VerifiedJwtCache(Duration.ofSeconds(60), clock);
        SecurityIdentity identity = verified(T0.plusSeconds(300).getEpochSecond());
        cache.remember("header.claims.signature", identity);
        clock.advance(Duration.ofSeconds(59));
        assertThat(cache.find("header.claims.signature")).containsSame(identity);
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.find("header.claims.signature")).isEmpty();
    }

    @Test
    void neverPastTheTokensExpiry() {
        VerifiedJwtCache cache = new VerifiedJwtCache(Duration.ofSeconds(60), clock);
        cache.remember("t", verified(T0.plusSeconds(10).getEpochSecond()));
        clock.advance(Duration.ofMillis(9_999));
        assertThat(cache.find("t")).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.find("t")).as("the token has expired").isEmpty();
    }

    @Test
    void anotherTokenIsNotAnswered() {
        VerifiedJwtCache cache = new VerifiedJwtCache(Duration.ofSeconds(60), clock);
        cache.remember("header.claims.signature", verified(T0.plusSeconds(300).getEpochSecond()));
        assertThat(cache.find("header.claims.signaturf")).as("one byte differs").isEmpty();
        assertThat(cache.find("header.claims.signatur")).isEmpty();
    }

    @Test
    void tokensWithoutExpiryOrNotJwtsAreNotRemembered() {
        VerifiedJwtCache cache = new VerifiedJwtCache(Duration.ofSeconds(60), clock);
        cache.remember("no-exp", verified(null));
        cache.remember("expired", verified(T0.minusSeconds(1).getEpochSecond()));
        cache.remember("plain", QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("x")).build());
        assertThat(cache.find("no-exp")).isEmpty();
        assertThat(cache.find("expired")).isEmpty();
        assertThat(cache.find("plain")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aZeroTtlTurnsItOff() {
        VerifiedJwtCache cache = new VerifiedJwtCache(Duration.ZERO, clock);
        cache.remember("t", verified(T0.plusSeconds(300).getEpochSecond()));
        assertThat(cache.find("t")).isEmpty();
    }

    @Test
    void staysBounded() {
        VerifiedJwtCache cache = new VerifiedJwtCache(Duration.ofSeconds(60), clock);
        for (int i = 0; i <= VerifiedJwtCache.MAX_ENTRIES; i++) {
            cache.remember("t" + i, verified(T0.plusSeconds(300).getEpochSecond()));
        }
        assertThat(cache.size()).isLessThanOrEqualTo(VerifiedJwtCache.MAX_ENTRIES);
    }

    /** The claims a verified token carries; only {@code exp} matters here. */
    private record Jwt(Long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return "alice";
        }

        @Override
        public Set<String> getClaimNames() {
            return exp == null ? Set.of() : Set.of("exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return "exp".equals(claimName) ? (T) exp : null;
        }

        @Override
        public long getExpirationTime() {
            return exp == null ? 0 : exp;
        }
    }
}
