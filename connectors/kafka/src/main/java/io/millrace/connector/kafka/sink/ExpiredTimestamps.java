package io.millrace.connector.kafka.sink;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Counts the messages a writer sends whose timestamp (the record's event time) is already older than
 * their topic's retention, and reports them once per checkpoint in one WARNING line. Such messages are
 * accepted by the broker and then deleted at its next retention check (every
 * {@code log.retention.check.interval.ms}, first 30 s after broker start): the output looks like loss
 * although the sink delivered everything. This is how {@code KafkaSinkExactlyOnceIT} "lost" the early
 * windows of its 2023 test data on a fresh CI broker. Not an error: the job cannot fix the topic. Task
 * thread only.
 */
final class ExpiredTimestamps {

  private static final Logger LOG = Logger.getLogger(ExpiredTimestamps.class.getName());

  private final String nodeId;
  private final int subtask;
  private final TopicRetention retention;
  private final LongSupplier clock;
  /** Topic → [count, oldest timestamp, retention ms] since the last report; sorted for a stable line. */
  private final TreeMap<String, long[]> expired = new TreeMap<>();
  private long total;

  ExpiredTimestamps(String nodeId, int subtask, TopicRetention retention, LongSupplier clock) {
    this.nodeId = nodeId;
    this.subtask = subtask;
    this.retention = retention;
    this.clock = clock;
  }

  void observe(ProducerRecord<?, ?> message) {
    Long timestamp = message.timestamp();
    if (timestamp == null) {
      return; // the producer stamps it with the send time: cannot be expired
    }
    OptionalLong ms = retention.retentionMs(message.topic());
    if (ms.isEmpty() || timestamp >= clock.getAsLong() - ms.getAsLong()) {
      return;
    }
    long[] e = expired.computeIfAbsent(message.topic(), t -> new long[] {0, Long.MAX_VALUE, 0});
    e[0]++;
    e[1] = Math.min(e[1], timestamp);
    e[2] = ms.getAsLong();
    total++;
  }

  /** Messages counted since the writer started. */
  long total() {
    return total;
  }

  /** Logs what was counted since the last report (nothing when none) and starts counting afresh. */
  void report(long checkpointId) {
    if (expired.isEmpty()) {
      return;
    }
    StringBuilder topics = new StringBuilder();
    expired.forEach((topic, e) -> topics.append(topics.isEmpty() ? "" : ", ").append(topic).append(": ")
        .append(e[0]).append(" (oldest ").append(Instant.ofEpochMilli(e[1])).append(", retention.ms=")
        .append(e[2]).append(')'));
    expired.clear();
    LOG.warning(() -> "kafka-sink node=" + nodeId + " subtask=" + subtask + " checkpoint=" + checkpointId
        + ": messages written with event-time timestamps older than their topic's retention, which the broker"
        + " deletes at its next retention check although the writes succeeded: " + topics
        + "; raise the topic's retention.ms (-1: keep) or set message.timestamp.type=LogAppendTime");
  }

  void close() {
    retention.close();
  }
}
