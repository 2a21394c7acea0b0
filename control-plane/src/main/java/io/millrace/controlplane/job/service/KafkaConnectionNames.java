package io.millrace.controlplane.job.service;

import io.millrace.spec.plan.JobVertex;
import io.millrace.spec.plan.PhysicalPlan;
import java.util.Set;
import java.util.TreeSet;

/** The Kafka connections a plan's kafka-source / kafka-sink vertices name ({@code connection:}). Pure. */
final class KafkaConnectionNames {

    private KafkaConnectionNames() {
    }

    static Set<String> of(PhysicalPlan plan) {
        Set<String> names = new TreeSet<>();
        for (JobVertex vertex : plan.graph().vertices()) {
            if (TenantTopicPolicy.KAFKA_SOURCE.equals(vertex.kind()) || TenantTopicPolicy.KAFKA_SINK.equals(
                    vertex.kind())) {
                Object name = vertex.settings().get("connection");
                if (name instanceof String text && !text.isBlank()) {
                    names.add(text);
                }
            }
        }
        return names;
    }
}
