package io.millrace.connector.kafka.sink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a whole topic as a consumer with {@code isolation.level=read_committed} (or read_uncommitted) would see it now. */
public final class CommittedOutput {

  private CommittedOutput() {}

  /** Every message value (UTF-8) of {@code topic} up to its current end, in partition order. */
  public static List<String> read(String bootstrapServers, String topic, boolean committedOnly) {
    Map<String, Object> p = new HashMap<>();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, committedOnly ? "read_committed" : "read_uncommitted");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(i -> new TopicPartition(topic, i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // a log that no longer starts at 0 lost its head to the broker (retention), not to the writer: say so
      Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
      if (start.values().stream().anyMatch(offset -> offset > 0)) {
        throw new IllegalStateException("reading " + topic + ": the broker already deleted the start of the log "
            + "(log start offsets " + start + "), e.g. by retention.ms against old message timestamps; create the "
            + "topic with retention.ms=-1");
      }
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions); // the LSO under read_committed
      List<String> values = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("reading " + topic + " did not reach its end offsets " + end);
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          values.add(new String(r.value(), StandardCharsets.UTF_8));
        }
      }
      return values;
    }
  }

  /** Each distinct value with how often it occurs. */
  public static Map<String, Long> multiset(List<String> values) {
    return values.stream().collect(Collectors.groupingBy(v -> v, Collectors.counting()));
  }
}
