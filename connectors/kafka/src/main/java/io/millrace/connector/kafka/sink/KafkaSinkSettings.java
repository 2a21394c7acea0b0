package io.millrace.connector.kafka.sink;

import io.millrace.connector.kafka.format.RecordFormat;
import io.millrace.connector.kafka.format.RecordFormats;
import io.millrace.spec.model.Sizes;
import java.util.Map;

/**
 * A {@code kafka-sink} node's settings as the catalog defines them ({@code BuiltinConnectors.kafkaSink}).
 * The spec validator checked them already; errors here still name the node and the setting, for plans
 * built by hand.
 *
 * @param nodeId the sink node
 * @param topic the fixed topic, or null when {@code topicExpression} routes each record
 * @param topicExpression CEL over {@code value} giving the topic per record, or null
 * @param keyExpression CEL giving the message key per record, or null (no key)
 * @param format how a record value becomes a message value (json, text or bytes)
 * @param delivery the delivery guarantee
 * @param bootstrapServers the cluster to write to
 * @param maxRequestSize the producer's {@code max.request.size} in bytes
 * @param unreachableTimeout after this long without any broker answering, the task fails (default 30 s); also
 *     bounds how long a send may wait for metadata or buffer space and how long a record may wait for delivery
 */
public record KafkaSinkSettings(String nodeId, String topic, String topicExpression, String keyExpression,
    RecordFormat format, Delivery delivery, String bootstrapServers, int maxRequestSize,
    java.time.Duration unreachableTimeout) {

  static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;
  static final java.time.Duration DEFAULT_UNREACHABLE_TIMEOUT = java.time.Duration.ofSeconds(30);

  /**
   * @param defaultBootstrapServers the tenant's configured cluster, used when the node names none (may be null)
   */
  public static KafkaSinkSettings of(String nodeId, Map<String, Object> settings, String defaultBootstrapServers) {
    String topic = text(settings, "topic");
    String topicExpression = text(settings, "topicExpression");
    if ((topic == null) == (topicExpression == null)) {
      throw new IllegalArgumentException("kafka-sink node " + nodeId
          + ": set either 'topic' (fixed) or 'topicExpression' (per record), exactly one of them");
    }
    String bootstrap = text(settings, "bootstrapServers");
    if (bootstrap == null) {
      bootstrap = defaultBootstrapServers;
    }
    if (bootstrap == null || bootstrap.isBlank()) {
      throw new IllegalArgumentException("kafka-sink node " + nodeId
          + ": no Kafka cluster: set 'bootstrapServers' (e.g. kafka-1:9092) or configure the tenant's default cluster");
    }
    RecordFormat format = RecordFormats.of("kafka-sink", nodeId, settings, true);
    Delivery delivery = Delivery.of(nodeId, String.valueOf(settings.getOrDefault("delivery", "exactly-once")));
    return new KafkaSinkSettings(nodeId, topic, topicExpression, text(settings, "key"), format, delivery, bootstrap,
        maxRequestSize(nodeId, settings.get("maxRequestSize")), unreachableTimeout(nodeId, settings.get("unreachableTimeout")));
  }

  private static java.time.Duration unreachableTimeout(String nodeId, Object setting) {
    if (setting == null) {
      return DEFAULT_UNREACHABLE_TIMEOUT;
    }
    java.time.Duration d = io.millrace.spec.model.Durations.parse(setting.toString())
        .filter(v -> !v.isZero() && !v.isNegative())
        .orElseThrow(() -> new IllegalArgumentException("kafka-sink node " + nodeId + ": unreachableTimeout '"
            + setting + "' is not a positive duration; write e.g. 30s"));
    return d;
  }

  private static int maxRequestSize(String nodeId, Object setting) {
    if (setting == null) {
      return DEFAULT_MAX_REQUEST_SIZE;
    }
    long bytes = Sizes.parse(setting.toString()).orElseThrow(() -> new IllegalArgumentException("kafka-sink node "
        + nodeId + ": maxRequestSize '" + setting + "' is not a size; write e.g. 512KB or 1MB"));
    if (bytes < 1024 || bytes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("kafka-sink node " + nodeId + ": maxRequestSize " + setting
          + " must be between 1KB and 2GB");
    }
    return (int) bytes;
  }

  private static String text(Map<String, Object> settings, String name) {
    Object v = settings.get(name);
    return v == null || v.toString().isBlank() ? null : v.toString();
  }
}
