package io.millrace.controlplane.connection.rest;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST} (with {@code name}) and {@code PUT /{name}} (without it, or the same). {@code toString} hides
 * property values.
 */
@Schema(name = "KafkaConnectionRequest", description = "A Kafka cluster connection. properties: kafka-clients"
        + " settings (allowed: security.protocol, sasl.mechanism, sasl.jaas.config, ssl.* inline PEM/TLS settings,"
        + " client.dns.lookup). In a PUT, a property not mentioned or sent as \"***\" keeps its stored value, one"
        + " sent as null is removed.")
public record KafkaConnectionRequest(String name, String bootstrapServers, Map<String, String> properties,
        List<String> allowedTopicPrefixes) {

    @Override
    public String toString() {
        return "KafkaConnectionRequest[name=" + name + ", bootstrapServers=" + bootstrapServers + ", properties="
                + (properties == null ? "{}" : properties.keySet()) + " (values hidden), allowedTopicPrefixes="
                + allowedTopicPrefixes + "]";
    }
}
