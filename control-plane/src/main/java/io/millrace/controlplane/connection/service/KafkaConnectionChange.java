package io.millrace.controlplane.connection.service;

import java.util.List;
import java.util.Map;

/**
 * A create or update request. {@code properties}: name → value sets it; name → {@code null} removes it (update);
 * name → {@link KafkaConnectionRules#MASK} or a name not mentioned keeps the stored value (update), so a client that
 * never saw the secrets can edit the rest. {@code toString} hides the values.
 *
 * @param allowedTopicPrefixes null or empty: any topic on that cluster
 */
public record KafkaConnectionChange(String bootstrapServers, Map<String, String> properties,
        List<String> allowedTopicPrefixes) {

    @Override
    public String toString() {
        return "KafkaConnectionChange[bootstrapServers=" + bootstrapServers + ", properties="
                + (properties == null ? "{}" : properties.keySet()) + " (values hidden), allowedTopicPrefixes="
                + allowedTopicPrefixes + "]";
    }
}
