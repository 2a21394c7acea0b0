package io.millrace.controlplane.job.service;

import io.millrace.controlplane.job.service.JobOperationException.Kind;
import io.millrace.spec.model.ConnectorSettings;
import io.millrace.spec.model.NodeSpec;
import io.millrace.spec.model.PipelineSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Tenant isolation on the shared Kafka cluster: every topic a {@code kafka-source} / {@code kafka-sink} names must
 * start with {@code <tenant>.}. A node that names its own {@code bootstrapServers} talks to an external cluster the
 * tenant brings, and is not checked (admin-granted external connections are a later issue). Pure: checked at submit.
 */
final class TenantTopicPolicy {

    static final String KAFKA_SOURCE = "kafka-source";
    static final String KAFKA_SINK = "kafka-sink";

    private TenantTopicPolicy() {
    }

    /** Throws {@link JobOperationException} INVALID listing every violation; returns quietly when there is none. */
    static void check(String tenant, PipelineSpec pipeline) {
        List<String> violations = violations(tenant, pipeline);
        if (!violations.isEmpty()) {
            throw new JobOperationException(Kind.INVALID, "the spec names Kafka topics outside tenant " + tenant + ": "
                    + String.join("; ", violations));
        }
    }

    static List<String> violations(String tenant, PipelineSpec pipeline) {
        String prefix = tenant + ".";
        List<String> violations = new ArrayList<>();
        for (NodeSpec node : pipeline.spec().nodes()) {
            String type = node.base().type();
            ConnectorSettings settings = null;
            if (node instanceof NodeSpec.SourceNode source && KAFKA_SOURCE.equals(type)) {
                settings = source.settings();
            } else if (node instanceof NodeSpec.SinkNode sink && KAFKA_SINK.equals(type)) {
                settings = sink.settings();
            }
            if (settings == null || settings.string("bootstrapServers").filter(s -> !s.isBlank()).isPresent()) {
                continue;
            }
            String at = "node '" + node.base().id() + "' (" + type + ")";
            settings.string("topic").filter(topic -> !topic.startsWith(prefix)).ifPresent(topic -> violations.add(at
                    + " setting topic: '" + topic + "' must start with '" + prefix + "'; rename it to '" + prefix
                    + topic + "'"));
            List<Object> topics = settings.list("topics");
            for (int i = 0; i < topics.size(); i++) {
                String topic = String.valueOf(topics.get(i));
                if (!topic.startsWith(prefix)) {
                    violations.add(at + " setting topics[" + i + "]: '" + topic + "' must start with '" + prefix
                            + "'; rename it to '" + prefix + topic + "'");
                }
            }
            settings.string("topicPattern").ifPresent(pattern -> patternViolation(tenant, pattern)
                    .ifPresent(why -> violations.add(at + " setting topicPattern: " + why)));
            settings.string("topicExpression").ifPresent(expression -> violations.add(at + " setting topicExpression:"
                    + " a computed topic cannot be checked against the prefix '" + prefix + "' before the job runs;"
                    + " use a fixed `topic` starting with '" + prefix + "' (per-record topics on the tenant cluster"
                    + " are not supported yet)"));
        }
        return violations;
    }

    /**
     * A pattern stays inside the prefix when it starts with the escaped prefix literally and has no alternation at
     * its top level ({@code acme\.a|.*} starts right but matches anything). Why-not, or empty when it is confined.
     */
    static java.util.Optional<String> patternViolation(String tenant, String pattern) {
        String literal = tenant.replace(".", "\\.") + "\\.";
        String fix = "start it with '" + literal + "' and group alternatives, e.g. '" + literal + "(orders|refunds)'";
        if (!pattern.startsWith(literal)) {
            return java.util.Optional.of("'" + pattern + "' must only match topics starting with '" + tenant + ".'; "
                    + fix);
        }
        if (hasTopLevelAlternation(pattern)) {
            return java.util.Optional.of("'" + pattern + "' has an alternative ('|') outside parentheses that can"
                    + " match topics of other tenants; " + fix);
        }
        return java.util.Optional.empty();
    }

    private static boolean hasTopLevelAlternation(String pattern) {
        int depth = 0;
        boolean inClass = false;
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < pattern.length() && pattern.charAt(i + 1) == 'E') {
                    quoted = false;
                    i++;
                }
                continue;
            }
            if (c == '\\') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == 'Q') {
                    quoted = true;
                }
                i++;
                continue;
            }
            if (inClass) {
                inClass = c != ']';
                continue;
            }
            switch (c) {
                case '[' -> inClass = true;
                case '(' -> depth++;
                case ')' -> depth = Math.max(0, depth - 1);
                case '|' -> {
                    if (depth == 0) {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }
}
