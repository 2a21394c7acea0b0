package io.millrace.connector.kafka.source;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The consumer and admin clients of a source, configured the one way the source relies on. */
final class KafkaClients {

  private KafkaClients() {}

  static Admin admin(KafkaSourceSettings settings, String clientId) {
    Properties props = base(settings, clientId);
    return Admin.create(props);
  }

  /** An admin client whose every call gives up after {@code callTimeout} (background probes: answers come fast or not at all). */
  static Admin admin(KafkaSourceSettings settings, String clientId, java.time.Duration callTimeout) {
    Properties props = base(settings, clientId);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(callTimeout.toMillis()));
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(callTimeout.toMillis()));
    return Admin.create(props);
  }

  /**
   * A consumer that is assigned partitions explicitly (no group membership: the engine owns the
   * assignment) and never commits on its own: offsets are committed only when a checkpoint
   * completes. {@code read_committed}: records of aborted or open transactions are never read.
   */
  static KafkaConsumer<byte[], byte[]> consumer(KafkaSourceSettings settings, String clientId) {
    Properties props = base(settings, clientId);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // a checkpointed offset that retention already deleted: continue at the oldest record rather than fail forever
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static Properties base(KafkaSourceSettings settings, String clientId) {
    Map<String, Object> props = new HashMap<>(settings.clientProperties());
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
    props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
        String.valueOf(settings.apiTimeout().toMillis()));
    long request = Math.min(settings.apiTimeout().toMillis(), 30_000);
    props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(request));
    Properties properties = new Properties();
    properties.putAll(props);
    return properties;
  }
}
