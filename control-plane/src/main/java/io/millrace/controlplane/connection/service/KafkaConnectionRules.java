package io.millrace.controlplane.connection.service;

import io.millrace.controlplane.api.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a Kafka connection may contain. Pure. Client properties are an ALLOW-list: a tenant admin's values end up in
 * the workers' Kafka clients, and kafka-clients has properties that load classes or read worker files
 * ({@code *.class}, {@code *.callback.handler.class}, {@code ssl.*.location}); only protocol, SASL and inline PEM/TLS
 * settings pass, and {@code sasl.jaas.config} must use one of Kafka's own login modules.
 */
public final class KafkaConnectionRules {

    /** What the console shows instead of a value; sent back in a PUT it means "keep the stored value". */
    public static final String MASK = "***";

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern SERVER = Pattern.compile("[A-Za-z0-9._\\-\\[\\]:]+:[0-9]{1,5}");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._\\-]{1,200}");
    private static final int MAX_VALUE_CHARS = 65_536;

    static final Set<String> ALLOWED_PROPERTIES = Set.of("security.protocol", "sasl.mechanism", "sasl.jaas.config",
            "ssl.protocol", "ssl.enabled.protocols", "ssl.endpoint.identification.algorithm", "ssl.truststore.type",
            "ssl.truststore.certificates", "ssl.keystore.type", "ssl.keystore.certificate.chain", "ssl.keystore.key",
            "ssl.key.password", "client.dns.lookup");
    private static final Set<String> SECURITY_PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    private static final List<String> LOGIN_MODULES = List.of(
            "org.apache.kafka.common.security.plain.PlainLoginModule",
            "org.apache.kafka.common.security.scram.ScramLoginModule",
            "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule");

    private KafkaConnectionRules() {
    }

    static void checkName(String name, List<FieldError> errors) {
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(FieldError.field("name", "'" + name + "' is not a connection name: lower-case letters,"
                    + " digits and '-', starting with a letter, at most 63 characters (e.g. 'billing-cluster')"));
        }
    }

    static void checkBootstrapServers(String servers, List<FieldError> errors) {
        if (servers == null || servers.isBlank()) {
            errors.add(FieldError.field("bootstrapServers", "is required: host:port[,host:port...]"
                    + " (e.g. 'kafka-1.example.com:9093')"));
            return;
        }
        for (String server : servers.split(",")) {
            if (!SERVER.matcher(server.trim()).matches()) {
                errors.add(FieldError.field("bootstrapServers", "'" + server.trim() + "' is not host:port;"
                        + " list brokers as host:port separated by commas"));
            }
        }
    }

    static void checkPrefixes(List<String> prefixes, List<FieldError> errors) {
        if (prefixes == null) {
            return;
        }
        for (int i = 0; i < prefixes.size(); i++) {
            String prefix = prefixes.get(i);
            if (prefix == null || !PREFIX.matcher(prefix).matches()) {
                errors.add(FieldError.field("allowedTopicPrefixes[" + i + "]", "'" + prefix + "' is not a topic"
                        + " prefix: letters, digits, '.', '_' and '-' (e.g. 'billing.')"));
            }
        }
    }

    /**
     * Checks requested properties (values already resolved: no mask, no null). The messages name the property,
     * never its value: a value may be a credential.
     */
    static void checkProperties(Map<String, String> properties, List<FieldError> errors) {
        for (Map.Entry<String, String> property : properties.entrySet()) {
            String name = property.getKey();
            String value = property.getValue();
            if (!ALLOWED_PROPERTIES.contains(name)) {
                errors.add(propertyError(name, name.endsWith(".location")
                        ? "file paths on the workers are not allowed; give the PEM text inline (e.g."
                                + " ssl.truststore.type: PEM and ssl.truststore.certificates)"
                        : "is not an allowed connection property; allowed: "
                                + String.join(", ", ALLOWED_PROPERTIES.stream().sorted().toList())));
                continue;
            }
            if (value == null || value.isBlank() || value.length() > MAX_VALUE_CHARS) {
                errors.add(propertyError(name, "needs a non-empty value of at most " + MAX_VALUE_CHARS
                        + " characters"));
            } else if (name.equals("security.protocol") && !SECURITY_PROTOCOLS.contains(value)) {
                errors.add(propertyError(name, "must be one of " + String.join(", ",
                        SECURITY_PROTOCOLS.stream().sorted().toList())));
            } else if (name.equals("sasl.jaas.config")
                    && LOGIN_MODULES.stream().noneMatch(module -> value.trim().startsWith(module + " "))) {
                errors.add(propertyError(name, "must use one of Kafka's login modules: "
                        + String.join(", ", LOGIN_MODULES)));
            }
        }
    }

    private static FieldError propertyError(String name, String message) {
        return new FieldError("properties." + name, "/properties/" + name.replace("~", "~0").replace("/", "~1"),
                null, null, "property '" + name + "' " + message);
    }

    static List<FieldError> newList() {
        return new ArrayList<>();
    }
}
