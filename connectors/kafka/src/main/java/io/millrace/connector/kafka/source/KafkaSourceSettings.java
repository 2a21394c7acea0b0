package io.millrace.connector.kafka.source;

import io.millrace.connector.kafka.KafkaDefaults;
import io.millrace.connector.kafka.format.RecordFormat;
import io.millrace.connector.kafka.format.RecordFormats;
import io.millrace.spec.model.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@code kafka-source} node's settings, read from its plan vertex (validated against the catalog
 * already; this re-checks what a hand-made plan could still get wrong, naming node and setting).
 *
 * @param clientProperties kafka-clients properties from the worker's {@link KafkaDefaults}
 * @param apiTimeout how long metadata and offset requests may take before the source reports the
 *     cluster unreachable ({@code default.api.timeout.ms} among the client properties, else {@code unreachableTimeout})
 * @param unreachableTimeout {@code unreachableTimeout}: after this long without any broker answering, the task fails
 *     with {@link io.millrace.connector.kafka.KafkaUnreachableException} (default 30 s)
 */
record KafkaSourceSettings(String nodeId, TopicSelection topics, RecordFormat format, StartFrom startFrom,
    String bootstrapServers, String groupId, Duration discoveryInterval, boolean includeMetadata, boolean bounded,
    Map<String, Object> clientProperties, Duration apiTimeout, Duration unreachableTimeout) {

  static final Duration DEFAULT_DISCOVERY_INTERVAL = Duration.ofSeconds(30);
  static final Duration DEFAULT_UNREACHABLE_TIMEOUT = Duration.ofSeconds(30);

  static KafkaSourceSettings from(String nodeId, Map<String, Object> settings, KafkaDefaults worker) {
    KafkaDefaults defaults = worker.forNode("kafka-source", nodeId, settings);
    String servers = text(settings, "bootstrapServers", defaults.bootstrapServers());
    if (servers == null || servers.isBlank()) {
      throw invalid(nodeId, "bootstrapServers", "is not set and the worker has no default Kafka cluster; "
          + "set bootstrapServers: host:9092");
    }
    Map<String, Object> client = new HashMap<>(defaults.clientProperties());
    Duration unreachable = duration(nodeId, settings, "unreachableTimeout", DEFAULT_UNREACHABLE_TIMEOUT);
    if (unreachable.isZero() || unreachable.isNegative()) {
      throw invalid(nodeId, "unreachableTimeout", "must be longer than 0s, e.g. 30s");
    }
    Duration apiTimeout = client.containsKey("default.api.timeout.ms")
        ? Duration.ofMillis(Long.parseLong(client.get("default.api.timeout.ms").toString())) : unreachable;
    return new KafkaSourceSettings(nodeId, topics(nodeId, settings), RecordFormats.of("kafka-source", nodeId, settings, false),
        startFrom(nodeId, settings), servers, text(settings, "groupId", "millrace-" + nodeId),
        duration(nodeId, settings, "partitionDiscoveryInterval", DEFAULT_DISCOVERY_INTERVAL),
        Boolean.TRUE.equals(settings.get("includeMetadata")), Boolean.TRUE.equals(settings.get("bounded")),
        Map.copyOf(client), apiTimeout, unreachable);
  }

  private static TopicSelection topics(String nodeId, Map<String, Object> settings) {
    Object topic = settings.get("topic");
    Object topics = settings.get("topics");
    Object pattern = settings.get("topicPattern");
    int given = (topic == null ? 0 : 1) + (topics == null ? 0 : 1) + (pattern == null ? 0 : 1);
    if (given != 1) {
      throw invalid(nodeId, "topic", "set exactly one of topic, topics (a list) or topicPattern (a regular expression)");
    }
    if (topic != null) {
      return new TopicSelection.Named(List.of(topic.toString()));
    }
    if (topics != null) {
      if (!(topics instanceof List<?> list) || list.isEmpty()) {
        throw invalid(nodeId, "topics", "must be a non-empty list of topic names");
      }
      List<String> names = new ArrayList<>();
      list.forEach(t -> names.add(String.valueOf(t)));
      return new TopicSelection.Named(names);
    }
    try {
      return new TopicSelection.Matching(Pattern.compile(pattern.toString()));
    } catch (PatternSyntaxException e) {
      throw invalid(nodeId, "topicPattern", "is not a valid regular expression: " + e.getDescription()
          + " at index " + e.getIndex());
    }
  }

  private static StartFrom startFrom(String nodeId, Map<String, Object> settings) {
    String mode = text(settings, "startFrom", "committed");
    return switch (mode) {
      case "earliest" -> new StartFrom.Earliest();
      case "latest" -> new StartFrom.Latest();
      case "committed" -> new StartFrom.Committed();
      case "timestamp" -> {
        String at = text(settings, "startTimestamp", null);
        if (at == null) {
          throw invalid(nodeId, "startTimestamp", "is required with startFrom: timestamp, e.g. 2024-03-01T00:00:00Z");
        }
        try {
          yield new StartFrom.AtTimestamp(Instant.parse(at));
        } catch (DateTimeParseException e) {
          throw invalid(nodeId, "startTimestamp", "'" + at + "' is not an ISO-8601 instant like 2024-03-01T00:00:00Z");
        }
      }
      default -> throw invalid(nodeId, "startFrom", "'" + mode + "' is not earliest, latest, committed or timestamp");
    };
  }

  private static Duration duration(String nodeId, Map<String, Object> settings, String name, Duration fallback) {
    Object text = settings.get(name);
    if (text == null) {
      return fallback;
    }
    return Durations.parse(text.toString()).orElseThrow(() -> invalid(nodeId, name,
        "'" + text + "' is not a duration like 500ms, 30s, 5m"));
  }

  private static String text(Map<String, Object> settings, String name, String fallback) {
    Object value = settings.get(name);
    return value == null ? fallback : value.toString();
  }

  private static IllegalArgumentException invalid(String nodeId, String setting, String why) {
    return new IllegalArgumentException("kafka-source node '" + nodeId + "': " + setting + " " + why);
  }

  /** The node as named in the unreachable-cluster error: {@code kafka-source 'orders'}. */
  String node() {
    return "kafka-source '" + nodeId + "'";
  }

  /** Names the client properties, never their values: they may hold credentials. */
  @Override
  public String toString() {
    return "KafkaSourceSettings[" + describe() + ", clientProperties="
        + new java.util.TreeSet<>(clientProperties.keySet()) + " (values hidden)]";
  }

  /** A short description for logs and errors (never the client properties: they may hold credentials). */
  String describe() {
    return "kafka-source '" + nodeId + "' (" + topics.describe() + " at " + bootstrapServers + ")";
  }
}
