package io.millrace.controlplane.security;

import io.millrace.controlplane.security.config.ApiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Resolved callers for a few seconds ({@code millrace.api.caller-cache-ttl}), so that a request does not pay one or
 * two database round trips (membership; or API token plus its creator's membership) before doing its work.
 *
 * <p>Writes that change who may do what (member added, re-roled or removed; token revoked) call
 * {@link #invalidateOnCommit()}: the cache empties when their transaction commits, so in this instance they take effect
 * with the next request. A resolution that read the database before such a commit cannot put its stale answer in
 * afterwards: every entry is stored only if no invalidation happened since the resolution started (a generation
 * counter). Changes made behind the service's back (SQL by hand, another instance) take effect within the TTL.
 * Failures are never cached: an unknown, revoked or expired token, a non-member, all go to the database each time.
 */
@ApplicationScoped
public class CallerCache {

    /** What a cached entry is keyed by: a user in a tenant under a username, or an API token's secret hash. */
    public sealed interface Key {
        record User(String userId, String tenantId, String username) implements Key {
        }

        record Token(String secretHash) implements Key {
        }
    }

    /** A resolved caller and the instant after which it must not be used (an API token's expiry), if any. */
    public record Resolution(Caller caller, Optional<Instant> notAfter) {

        public static Resolution of(Caller caller) {
            return new Resolution(caller, Optional.empty());
        }
    }

    private record Entry(Caller caller, Instant cachedUntil) {
    }

    /** Bounds memory whatever the number of distinct callers: the cache empties when it reaches this size. */
    static final int MAX_ENTRIES = 10_000;

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final Duration ttl;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;

    @Inject
    public CallerCache(ApiConfig config, TransactionSynchronizationRegistry transactions) {
        this(config.callerCacheTtl(), Clock.systemUTC(), transactions);
    }

    CallerCache(Duration ttl, Clock clock, TransactionSynchronizationRegistry transactions) {
        this.ttl = ttl;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * The cached caller for {@code key}, or the one {@code resolve} returns (then cached until the TTL ends or the
     * resolution's {@code notAfter}, whichever is first: an API token's expiry holds to the second).
     */
    public Caller get(Key key, Supplier<Resolution> resolve) {
        if (ttl.isZero() || ttl.isNegative()) {
            return resolve.get().caller();
        }
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry != null && now.isBefore(entry.cachedUntil())) {
            return entry.caller();
        }
        long startedAt = generation.get();
        Resolution resolution = resolve.get();
        Caller resolved = resolution.caller();
        Instant until = now.plus(ttl);
        if (resolution.notAfter().isPresent() && resolution.notAfter().get().isBefore(until)) {
            until = resolution.notAfter().get();
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(resolved, until));
        if (generation.get() != startedAt) {
            // An invalidation ran while we resolved: what we read may predate it.
            entries.remove(key);
        }
        return resolved;
    }

    /**
     * The cached caller for {@code key} if there is a live entry; never resolves. Lets a caller on an event loop answer
     * without moving to a worker thread when the answer is known.
     */
    public Optional<Caller> cached(Key key) {
        if (ttl.isZero() || ttl.isNegative()) {
            return Optional.empty();
        }
        Entry entry = entries.get(key);
        return entry != null && clock.instant().isBefore(entry.cachedUntil()) ? Optional.of(entry.caller())
                : Optional.empty();
    }

    /** Whether {@code key} is cached now (tests). */
    Optional<Caller> peek(Key key) {
        return Optional.ofNullable(entries.get(key)).map(Entry::caller);
    }

    /**
     * Empties the cache now and again when the current transaction ends (committed or not), or only now outside a
     * transaction. Call it from any write that changes a membership, a role or a token's validity.
     */
    public void invalidateOnCommit() {
        invalidate();
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    invalidate();
                }
            });
        }
    }

    /** How many callers are cached (tests). */
    int size() {
        return entries.size();
    }

    /** Empties the cache at once. */
    public void invalidate() {
        generation.incrementAndGet();
        entries.clear();
    }
}
