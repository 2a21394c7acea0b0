package io.millrace.worker.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.engine.runtime.exchange.Channel;
import io.millrace.engine.runtime.network.ChannelKey;
import io.millrace.engine.runtime.network.InboundChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class InboundRegistryTest {

    private final InboundRegistry registry = new InboundRegistry(Duration.ofSeconds(30));

    @Test
    void aStreamFindsAChannelRegisteredBeforeIt() {
        InboundChannel inbound = inbound(key("job", 1, 0));
        registry.register(inbound.key(), inbound);
        assertThat(registry.claim(inbound.key())).isCompletedWithValue(inbound);
        assertThat(registry.size()).isZero();
    }

    @Test
    void aStreamThatArrivesFirstWaitsForTheRegistration() {
        ChannelKey key = key("job", 1, 0);
        CompletableFuture<InboundChannel> claim = registry.claim(key);
        assertThat(claim).isNotDone();
        InboundChannel inbound = inbound(key);
        registry.register(key, inbound);
        assertThat(claim).isCompletedWithValue(inbound);
    }

    @Test
    void aSecondStreamForTheSameChannelIsRefused() {
        ChannelKey key = key("job", 1, 0);
        registry.claim(key);
        assertThat(registry.claim(key)).isCompletedExceptionally();
    }

    @Test
    void aChannelNeverRegisteredTimesOut() {
        InboundRegistry quick = new InboundRegistry(Duration.ofMillis(50));
        CompletableFuture<InboundChannel> claim = quick.claim(key("job", 1, 0));
        assertThatThrownBy(() -> claim.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(quick.size()).isZero();
    }

    @Test
    void releasingAnAttemptFailsItsWaitingStreamsAndForgetsItsChannelsOnly() {
        CompletableFuture<InboundChannel> waiting = registry.claim(key("job", 1, 0));
        InboundChannel otherAttempt = inbound(key("job", 2, 0));
        registry.register(otherAttempt.key(), otherAttempt);
        registry.register(key("job", 1, 1), inbound(key("job", 1, 1)));

        registry.release(new AttemptRef("job", 1));

        assertThat(waiting).isCompletedExceptionally();
        assertThat(registry.size()).isEqualTo(1);
        assertThat(registry.claim(otherAttempt.key())).isCompletedWithValue(otherAttempt);
    }

    private static ChannelKey key(String job, long attempt, int consumer) {
        return new ChannelKey(job, attempt, "src", "main", "dst", 0, 0, consumer);
    }

    private static InboundChannel inbound(ChannelKey key) {
        return new InboundChannel(key, new Channel(key.displayName(), 4), "peer", failure -> {});
    }
}
