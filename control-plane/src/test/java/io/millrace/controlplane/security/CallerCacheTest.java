package io.millrace.controlplane.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallerCacheTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final CallerCache.Key ALICE = new CallerCache.Key.User("alice-id", "acme", "alice");

    private final MutableClock clock = new MutableClock(T0);
    private final AtomicInteger lookups = new AtomicInteger();

    private CallerCache cache(Duration ttl) {
        return new CallerCache(ttl, clock, null);
    }

    private CallerCache.Resolution lookUp(Role role) {
        lookups.incrementAndGet();
        return CallerCache.Resolution.of(new Caller("acme", "alice-id", "alice", role, Set.of(), false));
    }

    @Test
    void aResolvedCallerIsReusedUntilTheTtlEnds() {
        CallerCache cache = cache(Duration.ofSeconds(5));
        assertThat(cache.get(ALICE, () -> lookUp(Role.EDITOR)).role()).isEqualTo(Role.EDITOR);
        clock.advance(Duration.ofMillis(4_999));
        assertThat(cache.get(ALICE, () -> lookUp(Role.VIEWER)).role()).as("within the TTL").isEqualTo(Role.EDITOR);
        assertThat(lookups).hasValue(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.get(ALICE, () -> lookUp(Role.VIEWER)).role()).as("after the TTL").isEqualTo(Role.VIEWER);
        assertThat(lookups).hasValue(2);
    }

    @Test
    void aTokenIsNeverServedFromTheCacheAfterItExpires() {
        CallerCache cache = cache(Duration.ofSeconds(5));
        CallerCache.Key token = new CallerCache.Key.Token("hash");
        Instant expiry = T0.plusSeconds(2);
        Caller asToken = new Caller("acme", "alice-id", "ci", Role.VIEWER, Set.of(Scope.READ), true, "t1");
        cache.get(token, () -> new CallerCache.Resolution(asToken, Optional.of(expiry)));
        clock.advance(Duration.ofMillis(1_999));
        assertThat(cache.peek(token)).isPresent();
        assertThat(cache.get(token, () -> {
            throw new AssertionError("looked up although cached");
        })).isEqualTo(asToken);
        clock.advance(Duration.ofMillis(1));
        assertThatThrownBy(() -> cache.get(token, () -> {
            throw ApiProblem.unauthorized("expired");
        })).isInstanceOf(ApiProblem.class);
    }

    @Test
    void failuresAreNotCached() {
        CallerCache cache = cache(Duration.ofSeconds(5));
        assertThatThrownBy(() -> cache.get(ALICE, () -> {
            lookups.incrementAndGet();
            throw ApiProblem.forbidden("removed");
        })).isInstanceOf(ApiProblem.class);
        assertThat(cache.peek(ALICE)).isEmpty();
        assertThat(cache.get(ALICE, () -> lookUp(Role.ADMIN)).role()).isEqualTo(Role.ADMIN);
        assertThat(lookups).hasValue(2);
    }

    @Test
    void invalidationEmptiesTheCache() {
        CallerCache cache = cache(Duration.ofSeconds(5));
        cache.get(ALICE, () -> lookUp(Role.ADMIN));
        cache.invalidateOnCommit();
        assertThat(cache.get(ALICE, () -> lookUp(Role.VIEWER)).role()).isEqualTo(Role.VIEWER);
    }

    @Test
    void aResolutionOverlappingAnInvalidationIsNotKept() {
        CallerCache cache = cache(Duration.ofSeconds(5));
        // The lookup read the membership before a concurrent removal committed: its answer must not be reused.
        Caller stale = cache.get(ALICE, () -> {
            CallerCache.Resolution read = lookUp(Role.ADMIN);
            cache.invalidate();
            return read;
        });
        assertThat(stale.role()).as("this request still gets what it read").isEqualTo(Role.ADMIN);
        assertThat(cache.peek(ALICE)).as("but it is not cached").isEmpty();
    }

    @Test
    void aZeroTtlTurnsTheCacheOff() {
        CallerCache cache = cache(Duration.ZERO);
        cache.get(ALICE, () -> lookUp(Role.ADMIN));
        cache.get(ALICE, () -> lookUp(Role.ADMIN));
        assertThat(lookups).hasValue(2);
        assertThat(cache.peek(ALICE)).isEmpty();
    }

    @Test
    void theCacheStaysBounded() {
        CallerCache cache = cache(Duration.ofMinutes(1));
        for (int i = 0; i <= CallerCache.MAX_ENTRIES; i++) {
            cache.get(new CallerCache.Key.Token("h" + i), () -> lookUp(Role.VIEWER));
        }
        assertThat(cache.size()).isLessThanOrEqualTo(CallerCache.MAX_ENTRIES);
    }
}
