package io.millrace.controlplane.connection.service;

import java.util.Map;
import java.util.TreeMap;

/**
 * A connection decrypted for a deployment: what a worker's Kafka clients need. Holds credentials, so
 * {@link #toString()} names the property names only.
 */
public record ResolvedKafkaConnection(String bootstrapServers, Map<String, String> clientProperties) {

    public ResolvedKafkaConnection {
        clientProperties = Map.copyOf(clientProperties);
    }

    @Override
    public String toString() {
        return "ResolvedKafkaConnection[bootstrapServers=" + bootstrapServers + ", clientProperties="
                + new TreeMap<>(clientProperties).keySet() + " (values hidden)]";
    }
}
