package io.millrace.controlplane.ingest.service;

import java.util.regex.Pattern;

/**
 * Names of ingest topics: {@code <tenant>.stream.<stream>}. The tenant prefix is what confines a tenant to its own
 * topics (the same rule submit applies to kafka nodes), so a caller can only ever name a topic of its own tenant.
 */
public final class StreamTopics {

    /** Stream names as the catalog's {@code http-source.stream} setting accepts them (an id). */
    static final Pattern STREAM = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    /** Characters Kafka allows in topic names; a tenant id outside them cannot own topics. */
    private static final Pattern TOPIC_CHARS = Pattern.compile("[a-zA-Z0-9._-]+");
    private static final int MAX_TOPIC_LENGTH = 249;

    private StreamTopics() {
    }

    /** The topic of {@code stream} of {@code tenant}; {@link IngestException} (400) naming what is wrong. */
    public static String topicOf(String tenant, String stream) {
        if (stream == null || !STREAM.matcher(stream).matches()) {
            throw new IngestException(IngestException.Kind.INVALID, "stream name '" + stream
                    + "' is not valid: use lower-case letters, digits and '-', starting with a letter (at most 63),"
                    + " the same name as the http-source node's `stream` setting");
        }
        if (!TOPIC_CHARS.matcher(tenant).matches()) {
            throw new IngestException(IngestException.Kind.INVALID, "tenant id '" + tenant
                    + "' cannot prefix a Kafka topic (allowed: letters, digits, '.', '_', '-'); ask an administrator");
        }
        String topic = tenant + ".stream." + stream;
        if (topic.length() > MAX_TOPIC_LENGTH) {
            throw new IngestException(IngestException.Kind.INVALID, "topic '" + topic + "' would be longer than "
                    + MAX_TOPIC_LENGTH + " characters; use a shorter stream name");
        }
        return topic;
    }
}
