package io.millrace.controlplane.connection.service;

import java.time.Instant;
import java.util.List;

/**
 * A connection as callers may see it: the NAMES of its client properties, never their values.
 *
 * @param allowedTopicPrefixes empty: any topic on that cluster
 */
public record KafkaConnectionView(String name, String bootstrapServers, List<String> propertyNames,
        List<String> allowedTopicPrefixes, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {

    public KafkaConnectionView {
        propertyNames = List.copyOf(propertyNames);
        allowedTopicPrefixes = List.copyOf(allowedTopicPrefixes);
    }
}
