package io.millrace.controlplane.ingest.service;

import io.millrace.controlplane.ingest.config.IngestConfig;
import io.millrace.controlplane.kafka.LazyAdmin;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Creates a stream topic on its first write (partitions and replication from {@link IngestConfig}). Topics known to
 * exist are remembered for the life of the process, so only a stream's first request pays the admin round trip.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    private final IngestConfig config;
    private final Set<String> existing = ConcurrentHashMap.newKeySet();
    private final LazyAdmin admin;

    /** {@code kafka}: every {@code kafka.*} property of the application (bootstrap servers, security). */
    public TopicProvisioner(IngestConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.config = config;
        this.admin = new LazyAdmin(kafka, "millrace-control-plane-ingest-admin", config.ackTimeout());
    }

    /** Returns once {@code topic} exists; {@link IngestException} (503) if Kafka does not answer in time. */
    public void ensureExists(String topic) {
        if (existing.contains(topic)) {
            return;
        }
        long timeoutMs = config.ackTimeout().toMillis();
        try {
            admin().createTopics(List.of(new NewTopic(topic, config.topicPartitions(), config.topicReplicationFactor())))
                    .all().get(timeoutMs, TimeUnit.MILLISECONDS);
            awaitLeaders(topic, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs));
            LOG.infof("stream topic %s created (%d partitions, replication %d)", topic, config.topicPartitions(),
                    config.topicReplicationFactor());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IngestException(IngestException.Kind.UNAVAILABLE, "topic " + topic
                        + " could not be created: " + e.getCause().getMessage() + "; nothing was written, retry later",
                        e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IngestException(IngestException.Kind.UNAVAILABLE, "Kafka did not answer within " + timeoutMs
                    + " ms while checking topic " + topic + "; nothing was written, retry later", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException(IngestException.Kind.UNAVAILABLE, "interrupted while creating " + topic, e);
        }
        existing.add(topic);
    }

    /**
     * A topic answers CreateTopics before its partitions have leaders. Records sent in that gap fail with
     * NOT_LEADER_OR_FOLLOWER, and the idempotent producer's retry of a batch behind the failed one then met
     * OUT_OF_ORDER_SEQUENCE_NUMBER on every retry until the delivery timeout (seen in StreamResourceIT): so the first
     * records go out only once every partition has a leader.
     */
    private void awaitLeaders(String topic, long deadlineNanos)
            throws ExecutionException, InterruptedException, TimeoutException {
        CompletableFuture<Void> led = new CompletableFuture<>();
        pollLeaders(topic, 10, led);
        try {
            led.get(Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())),
                    TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            led.cancel(false); // stops the polling
            throw new TimeoutException("partitions of " + topic + " have no leader yet");
        }
    }

    /**
     * Asks for the topic's partitions until each has a leader (a metadata propagation gap of milliseconds), the next
     * question scheduled with a doubling backoff; completes {@code led}, and stops once it is done or cancelled.
     */
    private void pollLeaders(String topic, long backoffMs, CompletableFuture<Void> led) {
        admin().describeTopics(List.of(topic)).allTopicNames().toCompletionStage().whenComplete((topics, error) -> {
            if (led.isDone()) {
                return;
            }
            if (error != null) {
                led.completeExceptionally(error);
                return;
            }
            var description = topics.get(topic);
            if (description != null && description.partitions().stream()
                    .allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                led.complete(null);
                return;
            }
            CompletableFuture.delayedExecutor(backoffMs, TimeUnit.MILLISECONDS)
                    .execute(() -> pollLeaders(topic, Math.min(200, backoffMs * 2), led));
        });
    }

    private Admin admin() {
        return admin.get();
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
