package io.millrace.localstack.quarkus;

import io.millrace.localstack.KafkaServer;
import io.millrace.localstack.SharedServers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The JVM's shared {@link KafkaServer} as Quarkus configuration. */
public final class KafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", SharedServers.kafka().bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared by every test of the JVM: stopped by SharedServers' shutdown hook, not here.
    }
}
