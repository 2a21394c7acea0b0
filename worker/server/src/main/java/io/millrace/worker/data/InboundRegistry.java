package io.millrace.worker.data;

import io.millrace.engine.runtime.network.ChannelKey;
import io.millrace.engine.runtime.network.InboundChannel;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Consumer ends of remote channels, waiting for their producer's stream. Deployments race: the producer's worker may
 * open its stream before this worker has built the consumer task, so a stream may claim a channel that is not
 * registered yet and waits up to {@code registrationTimeout} for it. Each channel is claimed by exactly one stream.
 */
final class InboundRegistry {

    private final Duration registrationTimeout;
    /** Registered and not claimed yet. */
    private final Map<ChannelKey, InboundChannel> unclaimed = new HashMap<>();
    /** Claimed by a stream and not registered yet. */
    private final Map<ChannelKey, CompletableFuture<InboundChannel>> waiting = new HashMap<>();

    InboundRegistry(Duration registrationTimeout) {
        this.registrationTimeout = registrationTimeout;
    }

    synchronized void register(ChannelKey key, InboundChannel inbound) {
        CompletableFuture<InboundChannel> claim = waiting.remove(key);
        if (claim != null) {
            claim.complete(inbound);
        } else {
            unclaimed.put(key, inbound);
        }
    }

    /**
     * The consumer end for a newly opened stream: at once if registered, else when it is; fails with
     * {@link TimeoutException} after the registration timeout and with {@link IllegalStateException} when another
     * stream already claimed the channel.
     */
    synchronized CompletableFuture<InboundChannel> claim(ChannelKey key) {
        InboundChannel inbound = unclaimed.remove(key);
        if (inbound != null) {
            return CompletableFuture.completedFuture(inbound);
        }
        if (waiting.containsKey(key)) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("channel " + key + " is already being received by another stream"));
        }
        CompletableFuture<InboundChannel> claim = new CompletableFuture<>();
        waiting.put(key, claim);
        // The entry goes before the claim fails (both under the lock): whoever sees the timeout also sees it gone.
        CompletableFuture.delayedExecutor(registrationTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> expire(key, claim));
        return claim;
    }

    private synchronized void expire(ChannelKey key, CompletableFuture<InboundChannel> claim) {
        if (waiting.remove(key, claim)) {
            claim.completeExceptionally(new TimeoutException("channel " + key + " was not registered within "
                    + registrationTimeout.toMillis() + " ms"));
        }
    }

    /** Forgets every channel of the attempt; streams still waiting for one fail. */
    synchronized void release(AttemptRef attempt) {
        unclaimed.keySet().removeIf(key -> AttemptRef.of(key).equals(attempt));
        var it = waiting.entrySet().iterator();
        while (it.hasNext()) {
            var entry = it.next();
            if (AttemptRef.of(entry.getKey()).equals(attempt)) {
                it.remove();
                entry.getValue().completeExceptionally(new IllegalStateException(
                        "attempt " + attempt.attempt() + " of job " + attempt.jobId() + " ended on this worker"));
            }
        }
    }

    synchronized int size() {
        return unclaimed.size() + waiting.size();
    }
}
