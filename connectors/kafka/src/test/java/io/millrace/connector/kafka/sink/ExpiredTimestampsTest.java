package io.millrace.connector.kafka.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Messages whose event-time timestamp is already past their topic's retention are counted and reported per checkpoint. */
class ExpiredTimestampsTest {

  static final long NOW = 1_800_000_000_000L;
  static final long WEEK = 7L * 24 * 3600 * 1000;

  private final List<String> warnings = new ArrayList<>();
  private final Logger logger = Logger.getLogger(ExpiredTimestamps.class.getName());
  private final Handler handler = new Handler() {
    @Override public void publish(LogRecord r) {
      warnings.add(r.getMessage());
    }
    @Override public void flush() {}
    @Override public void close() {}
  };

  @BeforeEach
  void listen() {
    logger.addHandler(handler);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(handler);
  }

  static ProducerRecord<byte[], byte[]> message(String topic, Long timestamp) {
    return new ProducerRecord<>(topic, null, timestamp, null, new byte[0]);
  }

  @Test
  void countsOnlyMessagesOlderThanTheirTopicsRetentionAndReportsOncePerCheckpoint() {
    Map<String, OptionalLong> retention = Map.of("weekly", OptionalLong.of(WEEK), "kept", OptionalLong.empty());
    ExpiredTimestamps expired = new ExpiredTimestamps("out", 1, t -> retention.get(t), () -> NOW);

    expired.observe(message("weekly", NOW - WEEK - 1));       // expired
    expired.observe(message("weekly", NOW - 2 * WEEK));       // expired, the oldest
    expired.observe(message("weekly", NOW - WEEK + 1000));    // still inside the retention
    expired.observe(message("weekly", null));                 // the producer stamps it now
    expired.observe(message("kept", 0L));                     // topic keeps everything

    assertThat(expired.total()).isEqualTo(2);
    expired.report(7);
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).contains("node=out subtask=1 checkpoint=7", "weekly: 2 (oldest 2027-01-01T08:00:00Z",
        "retention.ms=" + WEEK).doesNotContain("kept");

    expired.report(8); // nothing new since checkpoint 7: silent
    assertThat(warnings).hasSize(1);
  }

  @Test
  void onlyTimeRetentionOnCreateTimeDeletesByOurTimestamps() {
    assertThat(AdminTopicRetention.retentionOf(config("delete", "CreateTime", "604800000")))
        .hasValue(604_800_000L);
    assertThat(AdminTopicRetention.retentionOf(config("delete", "CreateTime", "-1"))).isEmpty();
    assertThat(AdminTopicRetention.retentionOf(config("compact", "CreateTime", "604800000"))).isEmpty();
    assertThat(AdminTopicRetention.retentionOf(config("compact,delete", "CreateTime", "1000"))).hasValue(1000L);
    assertThat(AdminTopicRetention.retentionOf(config("delete", "LogAppendTime", "604800000"))).isEmpty();
  }

  static Config config(String policy, String timestampType, String retentionMs) {
    return new Config(List.of(new ConfigEntry("cleanup.policy", policy),
        new ConfigEntry("message.timestamp.type", timestampType), new ConfigEntry("retention.ms", retentionMs)));
  }
}
