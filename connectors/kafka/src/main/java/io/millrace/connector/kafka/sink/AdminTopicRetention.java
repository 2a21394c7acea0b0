package io.millrace.connector.kafka.sink;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * {@link TopicRetention} from the topics' effective configuration ({@code Admin.describeConfigs}, which
 * includes broker defaults): one asynchronous request per topic, the first time the writer sees it, so
 * the task thread never waits for it. A failed lookup is logged once and the topic is not watched.
 */
final class AdminTopicRetention implements TopicRetention {

  private static final Logger LOG = Logger.getLogger(AdminTopicRetention.class.getName());
  private static final OptionalLong NOT_WATCHED = OptionalLong.empty();

  private final String nodeId;
  private final Admin admin;
  /** Topic → retention; absent: not asked yet; a pending lookup maps to empty until it answers. */
  private final Map<String, OptionalLong> known = new ConcurrentHashMap<>();

  AdminTopicRetention(String nodeId, Map<String, Object> adminProperties) {
    this.nodeId = nodeId;
    this.admin = Admin.create(adminProperties);
  }

  @Override
  public OptionalLong retentionMs(String topic) {
    OptionalLong r = known.get(topic);
    if (r != null) {
      return r;
    }
    known.put(topic, NOT_WATCHED);
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    admin.describeConfigs(List.of(resource)).values().get(resource).whenComplete((config, error) -> {
      if (error != null) {
        LOG.log(Level.INFO, () -> "kafka-sink node=" + nodeId + ": cannot read the configuration of topic " + topic
            + " (" + error + "); old message timestamps are not checked against its retention");
      } else {
        known.put(topic, retentionOf(config));
      }
    });
    return NOT_WATCHED;
  }

  static OptionalLong retentionOf(Config config) {
    String policy = value(config, TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
    String type = value(config, TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime");
    long ms = Long.parseLong(value(config, TopicConfig.RETENTION_MS_CONFIG, "-1"));
    if (ms < 0 || !policy.contains(TopicConfig.CLEANUP_POLICY_DELETE) || !"CreateTime".equals(type)) {
      return NOT_WATCHED;
    }
    return OptionalLong.of(ms);
  }

  private static String value(Config config, String name, String fallback) {
    ConfigEntry e = config.get(name);
    return e == null || e.value() == null ? fallback : e.value();
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
