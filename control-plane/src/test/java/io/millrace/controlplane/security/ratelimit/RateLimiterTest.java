package io.millrace.controlplane.security.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.security.Caller;
import io.millrace.controlplane.security.Role;
import io.millrace.controlplane.security.Scope;
import io.millrace.controlplane.security.config.ApiConfig;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();

    private static ApiConfig.RateLimit limit(boolean enabled, double perSecond, int burst) {
        return new ApiConfig.RateLimit() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public double perSecond() {
                return perSecond;
            }

            @Override
            public int burst() {
                return burst;
            }
        };
    }

    private static Caller token(String id) {
        return new Caller("acme", "u1", "ci", Role.VIEWER, Set.of(Scope.READ), true, id);
    }

    @Test
    void eachTokenHasItsOwnBucketAnd429SaysWhenToRetry() {
        RateLimiter limiter = new RateLimiter(limit(true, 1, 2), now::get);
        limiter.acquire(token("t1"));
        limiter.acquire(token("t1"));
        assertThatThrownBy(() -> limiter.acquire(token("t1"))).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(429);
            assertThat(problem.retryAfterSeconds()).isEqualTo(1);
            assertThat(problem.type()).isEqualTo("https://millrace.dev/problems/rate-limited");
        });
        limiter.acquire(token("t2"));
        now.addAndGet(1_000_000_000L);
        limiter.acquire(token("t1"));
    }

    @Test
    void aUserIsLimitedAcrossRequestsAndDisabledMeansUnlimited() {
        Caller user = new Caller("acme", "u1", "alice", Role.ADMIN, Scope.grantableBy(Role.ADMIN), false);
        RateLimiter limiter = new RateLimiter(limit(true, 1, 1), now::get);
        limiter.acquire(user);
        assertThatThrownBy(() -> limiter.acquire(user)).isInstanceOf(ApiProblem.class);
        RateLimiter off = new RateLimiter(limit(false, 1, 1), now::get);
        for (int i = 0; i < 10; i++) {
            off.acquire(user);
        }
    }
}
