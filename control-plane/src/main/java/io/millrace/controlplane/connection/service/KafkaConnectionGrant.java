package io.millrace.controlplane.connection.service;

import java.util.List;

/**
 * What the submit-time policy needs to know of a connection: that it exists in the tenant and which topics it allows.
 * No credentials.
 *
 * @param allowedTopicPrefixes empty: any topic on that cluster
 */
public record KafkaConnectionGrant(String name, String bootstrapServers, List<String> allowedTopicPrefixes) {

    public KafkaConnectionGrant {
        allowedTopicPrefixes = List.copyOf(allowedTopicPrefixes);
    }
}
