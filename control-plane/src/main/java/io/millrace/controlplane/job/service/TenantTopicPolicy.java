package io.millrace.controlplane.job.service;

import io.millrace.controlplane.job.service.JobOperationException.Kind;
import io.millrace.spec.model.ConnectorSettings;
import io.millrace.spec.model.NodeSpec;
import io.millrace.spec.model.PipelineSpec;
import io.millrace.controlplane.connection.service.KafkaConnectionGrant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tenant isolation on Kafka, checked at submit. Pure. Three kinds of {@code kafka-source} / {@code kafka-sink} node:
 * <ul>
 * <li>on the tenant cluster (neither {@code connection} nor {@code bootstrapServers}): every topic must start with
 * {@code <tenant>.};</li>
 * <li>with {@code connection: <name>}: the name must be a Kafka connection an admin of the job's tenant created, and
 * when it lists allowed topic prefixes every topic must start with one of them;</li>
 * <li>with a raw {@code bootstrapServers}: refused, unless {@code millrace.jobs.allow-raw-bootstrap-servers=true} —
 * otherwise any author could send the tenant's data to any cluster without an admin's grant.</li>
 * </ul>
 * A prefix rule also confines {@code topicPattern} (must start with an escaped prefix, no top-level {@code |}) and
 * refuses {@code topicExpression} (its per-record results cannot be checked before the job runs).
 */
final class TenantTopicPolicy {

    static final String KAFKA_SOURCE = "kafka-source";
    static final String KAFKA_SINK = "kafka-sink";
    static final String CONNECTIONS_API = "/api/v1/kafka-connections";

    /**
     * What a tenant's pipelines may reach beyond their own prefix on the tenant cluster.
     *
     * @param connections the tenant's Kafka connections by name (no credentials)
     * @param allowRawBootstrapServers {@code millrace.jobs.allow-raw-bootstrap-servers}
     */
    record KafkaAccess(Map<String, KafkaConnectionGrant> connections, boolean allowRawBootstrapServers) {

        KafkaAccess {
            connections = Map.copyOf(connections);
        }

        /** No connections, no raw clusters: the tenant cluster only. */
        static KafkaAccess tenantClusterOnly() {
            return new KafkaAccess(Map.of(), false);
        }
    }

    private TenantTopicPolicy() {
    }

    /** Throws {@link JobOperationException} INVALID listing every violation; returns quietly when there is none. */
    static void check(String tenant, KafkaAccess access, PipelineSpec pipeline) {
        List<String> violations = violations(tenant, access, pipeline);
        if (!violations.isEmpty()) {
            throw new JobOperationException(Kind.INVALID, "the spec names Kafka topics or clusters outside tenant "
                    + tenant + ": " + String.join("; ", violations));
        }
    }

    /** The Kafka settings of a kafka-source / kafka-sink node, or null for any other node. */
    static ConnectorSettings kafkaSettings(NodeSpec node) {
        String type = node.base().type();
        if (node instanceof NodeSpec.SourceNode source && KAFKA_SOURCE.equals(type)) {
            return source.settings();
        }
        if (node instanceof NodeSpec.SinkNode sink && KAFKA_SINK.equals(type)) {
            return sink.settings();
        }
        return null;
    }

    /** Whether the node reads or writes the tenant cluster (no connection, no bootstrapServers). */
    static boolean onTenantCluster(ConnectorSettings settings) {
        return nonBlank(settings, "connection").isEmpty() && nonBlank(settings, "bootstrapServers").isEmpty();
    }

    static List<String> violations(String tenant, KafkaAccess access, PipelineSpec pipeline) {
        List<String> violations = new ArrayList<>();
        for (NodeSpec node : pipeline.spec().nodes()) {
            ConnectorSettings settings = kafkaSettings(node);
            if (settings == null) {
                continue;
            }
            String at = "node '" + node.base().id() + "' (" + node.base().type() + ")";
            Optional<String> connection = nonBlank(settings, "connection");
            Optional<String> servers = nonBlank(settings, "bootstrapServers");
            if (connection.isPresent()) {
                if (servers.isPresent()) {
                    violations.add(at + " sets both connection and bootstrapServers; keep connection (the cluster"
                            + " comes from it)");
                }
                KafkaConnectionGrant grant = access.connections().get(connection.get());
                if (grant == null) {
                    violations.add(at + " setting connection: no Kafka connection '" + connection.get()
                            + "' in tenant " + tenant + "; an admin creates it under " + CONNECTIONS_API
                            + (access.connections().isEmpty() ? "" : " (the tenant has: "
                                    + String.join(", ", new java.util.TreeSet<>(access.connections().keySet())) + ")"));
                } else if (!grant.allowedTopicPrefixes().isEmpty()) {
                    checkTopics(at, settings, grant.allowedTopicPrefixes(), "allowed on connection '"
                            + grant.name() + "'", violations);
                }
            } else if (servers.isPresent()) {
                if (!access.allowRawBootstrapServers()) {
                    violations.add(at + " setting bootstrapServers: naming a Kafka cluster directly is not allowed"
                            + " (tenant data must not go to a cluster no admin granted); ask an admin of tenant "
                            + tenant + " to create a Kafka connection for it under " + CONNECTIONS_API
                            + " and use `connection: <name>` instead");
                }
            } else {
                checkTopics(at, settings, List.of(tenant + "."), null, violations);
            }
        }
        return violations;
    }

    private static void checkTopics(String at, ConnectorSettings settings, List<String> prefixes, String whose,
            List<String> violations) {
        settings.string("topic").filter(topic -> !startsWithAny(topic, prefixes))
                .ifPresent(topic -> violations.add(at + " setting topic: " + topicViolation(topic, prefixes, whose)));
        List<Object> topics = settings.list("topics");
        for (int i = 0; i < topics.size(); i++) {
            String topic = String.valueOf(topics.get(i));
            if (!startsWithAny(topic, prefixes)) {
                violations.add(at + " setting topics[" + i + "]: " + topicViolation(topic, prefixes, whose));
            }
        }
        settings.string("topicPattern").ifPresent(pattern -> patternViolation(prefixes, pattern)
                .ifPresent(why -> violations.add(at + " setting topicPattern: " + why)));
        settings.string("topicExpression").ifPresent(expression -> violations.add(at + " setting topicExpression:"
                + " a computed topic cannot be checked against " + describe(prefixes) + " before the job runs;"
                + " use a fixed `topic` starting with " + describe(prefixes) + " (per-record topics are not"
                + " supported where topics are restricted)"));
    }

    private static String topicViolation(String topic, List<String> prefixes, String whose) {
        return "'" + topic + "' must start with " + describe(prefixes) + (whose == null ? "" : " (" + whose + ")")
                + "; rename it to '" + prefixes.get(0) + topic + "'";
    }

    private static String describe(List<String> prefixes) {
        return prefixes.size() == 1 ? "'" + prefixes.get(0) + "'"
                : "one of " + String.join(", ", prefixes.stream().map(p -> "'" + p + "'").toList());
    }

    private static boolean startsWithAny(String topic, List<String> prefixes) {
        return prefixes.stream().anyMatch(topic::startsWith);
    }

    private static Optional<String> nonBlank(ConnectorSettings settings, String name) {
        return settings.string(name).filter(value -> !value.isBlank());
    }

    /** {@link #patternViolation(List, String)} for the tenant prefix {@code <tenant>.}. */
    static Optional<String> patternViolation(String tenant, String pattern) {
        return patternViolation(List.of(tenant + "."), pattern);
    }

    /**
     * A pattern stays inside a prefix when it starts with the escaped prefix literally and has no alternation at
     * its top level ({@code acme\.a|.*} starts right but matches anything). Why-not, or empty when it is confined.
     */
    static Optional<String> patternViolation(List<String> prefixes, String pattern) {
        List<String> literals = prefixes.stream().map(TenantTopicPolicy::escaped).toList();
        String fix = "start it with " + (literals.size() == 1 ? "'" + literals.get(0) + "'" : "one of "
                + String.join(", ", literals.stream().map(l -> "'" + l + "'").toList()))
                + " and group alternatives, e.g. '" + literals.get(0) + "(orders|refunds)'";
        if (literals.stream().noneMatch(pattern::startsWith)) {
            return Optional.of("'" + pattern + "' must only match topics starting with " + describe(prefixes) + "; "
                    + fix);
        }
        if (hasTopLevelAlternation(pattern)) {
            return Optional.of("'" + pattern + "' has an alternative ('|') outside parentheses that can"
                    + " match topics outside " + describe(prefixes) + "; " + fix);
        }
        return Optional.empty();
    }

    /** A prefix as a regex literal: prefixes hold letters, digits, '_', '-' and '.', and only '.' is special. */
    private static String escaped(String prefix) {
        return prefix.replace(".", "\\.");
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
