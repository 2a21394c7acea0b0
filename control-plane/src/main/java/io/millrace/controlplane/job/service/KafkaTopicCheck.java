package io.millrace.controlplane.job.service;

import io.millrace.controlplane.job.service.JobOperationException.Kind;
import io.millrace.controlplane.kafka.LazyAdmin;
import io.millrace.spec.model.ConnectorSettings;
import io.millrace.spec.model.NodeSpec;
import io.millrace.spec.model.PipelineSpec;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * At submit: the topics a {@code kafka-source} reads by name must exist on the tenant cluster (the cluster the
 * control plane's {@code kafka.bootstrap.servers} names, which is also the workers' default). A job started on a
 * missing topic would otherwise sit RUNNING with nothing to read, or fail at start with a worker-side error; a user
 * wants to hear it when the spec is checked. Only when the cluster answers within {@link #TIMEOUT}: an unreachable
 * cluster must not block submitting (the source reports it, retried, once it runs). Sinks are not checked (brokers
 * may create topics on first write), nor patterns (they may match topics created later), nor external clusters
 * ({@code connection} or {@code bootstrapServers} on the node).
 */
@ApplicationScoped
public class KafkaTopicCheck {

    private static final Logger LOG = Logger.getLogger(KafkaTopicCheck.class);
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final LazyAdmin admin;

    /** {@code kafka}: every {@code kafka.*} property of the application; no bootstrap servers: no check. */
    public KafkaTopicCheck(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.admin = new LazyAdmin(kafka, "millrace-control-plane-topic-check", TIMEOUT);
    }

    /** Throws {@link JobOperationException} INVALID naming every missing source topic. */
    void check(String tenantId, PipelineSpec pipeline) {
        Map<String, String> wanted = sourceTopics(pipeline);
        if (wanted.isEmpty() || !admin.configured()) {
            return;
        }
        Set<String> existing;
        try {
            existing = admin.get().listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.infof("tenant=%s: the Kafka cluster did not list its topics within %d ms; the topics of pipeline '%s'"
                    + " are not checked at submit (%s)", tenantId, TIMEOUT.toMillis(),
                    pipeline.metadata().name(), e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        List<String> missing = new ArrayList<>();
        wanted.forEach((topic, at) -> {
            if (!existing.contains(topic)) {
                missing.add(at + ": topic '" + topic + "' does not exist on the tenant's Kafka cluster; create it"
                        + " first (or, for records posted over HTTP, read it with an http-source)");
            }
        });
        if (!missing.isEmpty()) {
            throw new JobOperationException(Kind.INVALID, "the spec reads unknown Kafka topics: "
                    + String.join("; ", missing));
        }
    }

    /** topic → where the spec names it, for the tenant-cluster kafka-sources. */
    static Map<String, String> sourceTopics(PipelineSpec pipeline) {
        Map<String, String> topics = new LinkedHashMap<>();
        for (NodeSpec node : pipeline.spec().nodes()) {
            if (!(node instanceof NodeSpec.SourceNode source)
                    || !TenantTopicPolicy.KAFKA_SOURCE.equals(node.base().type())) {
                continue;
            }
            ConnectorSettings settings = source.settings();
            if (!TenantTopicPolicy.onTenantCluster(settings)) {
                continue;
            }
            String at = "node '" + node.base().id() + "' (kafka-source)";
            settings.string("topic").ifPresent(topic -> topics.putIfAbsent(topic, at + " setting topic"));
            List<Object> list = settings.list("topics");
            for (int i = 0; i < list.size(); i++) {
                topics.putIfAbsent(String.valueOf(list.get(i)), at + " setting topics[" + i + "]");
            }
        }
        return topics;
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
