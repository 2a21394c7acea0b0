package io.millrace.controlplane.security.ratelimit;

import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.security.Caller;
import io.millrace.controlplane.security.config.ApiConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * One {@link TokenBucket} per caller: per API token, or per user for signed-in users. In memory, per control-plane
 * instance (behind N instances a caller gets up to N times the rate; fine for a protection against runaway clients).
 * Buckets of idle callers are dropped every minute, so the map holds only recently active callers.
 */
@ApplicationScoped
public class RateLimiter {

    private final ApiConfig.RateLimit config;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    @Inject
    public RateLimiter(ApiConfig config) {
        this(config.rateLimit(), System::nanoTime);
    }

    RateLimiter(ApiConfig.RateLimit config, LongSupplier nanoTime) {
        this.config = config;
        this.nanoTime = nanoTime;
    }

    /** Takes a permit for the caller, or throws the 429 problem with how long to wait. */
    public void acquire(Caller caller) {
        if (!config.enabled()) {
            return;
        }
        String key = caller.apiToken() ? "token:" + caller.tokenId() : "user:" + caller.userId();
        long now = nanoTime.getAsLong();
        long waitNanos = buckets.computeIfAbsent(key, k -> new TokenBucket(config.burst(), config.perSecond(), now))
                .tryTake(now);
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            throw ApiProblem.tooManyRequests("more than " + config.perSecond() + " requests per second (burst "
                    + config.burst() + ") from " + (caller.apiToken() ? "this API token" : "this user")
                    + "; retry after " + seconds + " s", seconds);
        }
    }

    @Scheduled(every = "60s", identity = "millrace-rate-limit-eviction")
    void evictIdle() {
        long now = nanoTime.getAsLong();
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }
}
