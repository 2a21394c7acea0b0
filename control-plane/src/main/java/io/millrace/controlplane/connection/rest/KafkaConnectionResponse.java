package io.millrace.controlplane.connection.rest;

import io.millrace.controlplane.connection.service.KafkaConnectionRules;
import io.millrace.controlplane.connection.service.KafkaConnectionView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A connection as the API shows it: every property value is {@code "***"}. */
@Schema(name = "KafkaConnection", description = "A Kafka cluster connection; property values are never returned.")
public record KafkaConnectionResponse(String name, String bootstrapServers, Map<String, String> properties,
        List<String> allowedTopicPrefixes, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {

    static KafkaConnectionResponse from(KafkaConnectionView view) {
        Map<String, String> masked = new TreeMap<>();
        view.propertyNames().forEach(name -> masked.put(name, KafkaConnectionRules.MASK));
        return new KafkaConnectionResponse(view.name(), view.bootstrapServers(), masked, view.allowedTopicPrefixes(),
                view.createdBy(), view.createdAt(), view.updatedBy(), view.updatedAt());
    }
}
