package io.millrace.connector.kafka.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millrace.connector.kafka.KafkaConnectors;
import io.millrace.connector.kafka.KafkaDefaults;
import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.connector.CollectingSink;
import io.millrace.engine.operators.OperatorFactory;
import io.millrace.engine.runtime.Connectors;
import io.millrace.engine.runtime.JobConfig;
import io.millrace.engine.runtime.LocalJob;
import io.millrace.engine.state.heap.HeapStateBackend;
import io.millrace.engine.testing.MiniCluster;
import io.millrace.localstack.KafkaServer;
import io.millrace.localstack.WithKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event time over several partitions read by ONE source subtask: the watermark is the minimum over
 * the partitions (per-split watermarks), so a partition behind another loses nothing to lateness;
 * an empty partition stops holding the watermark back after {@code watermark.idleTimeout}.
 */
@WithKafka
class KafkaSourceWatermarkIT {

  static final long BASE = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
  static final int PER_PARTITION = 6_000;
  static final int KEYS = 5;

  @TempDir Path dir;
  KafkaTestTopics topics;

  @BeforeEach
  void open(KafkaServer kafka) {
    topics = new KafkaTestTopics(kafka);
  }

  @AfterEach
  void close() {
    topics.close();
  }

  static String spec(String topic, String sourceSettings) {
    return """
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: kafka-watermarks}
        spec:
          parallelism: 1
          nodes:
            - {id: events, type: kafka-source, topic: %s, format: json, startFrom: earliest, %s}
            - id: counts
              type: window-aggregate
              inputs: [events]
              keyBy: "value.key"
              window: {type: tumbling, size: 1s}
              aggregates: [{name: count, fn: count}]
            - {id: out, type: kafka-sink, inputs: [counts], topic: unused}
        """.formatted(topic, sourceSettings);
  }

  MiniCluster job(String spec, CollectingSink out) {
    return MiniCluster.forSpec(spec)
        .connectors(KafkaConnectors.register(Connectors.none(), KafkaDefaults.cluster(topics.bootstrap())))
        .operators(OperatorFactory.standard())
        .sink("out", out)
        .config(JobConfig.defaults(dir.resolve("run"))
            .withState(new HeapStateBackend(), new FileCheckpointStore(dir.resolve("store")))
            .withCheckpointInterval(Duration.ofMillis(200)));
  }

  /** Events of one partition: {@code count} events 10 ms apart from {@code start}, keys round robin. */
  static List<Map<String, Object>> events(long start, int count) {
    List<Map<String, Object>> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(Map.of("key", "k" + (i % KEYS), "time", start + i * 10L));
    }
    return events;
  }

  static List<String> json(List<Map<String, Object>> events) {
    return events.stream().map(e -> "{\"key\":\"" + e.get("key") + "\",\"time\":" + e.get("time") + "}").toList();
  }

  /** key@windowStart -> count, computed from the input. */
  static Map<String, Long> expectedCounts(List<Map<String, Object>> events) {
    Map<String, Long> counts = new HashMap<>();
    for (Map<String, Object> e : events) {
      long time = (Long) e.get("time");
      counts.merge(e.get("key") + "@" + Instant.ofEpochMilli(Math.floorDiv(time, 1000L) * 1000L), 1L, Long::sum);
    }
    return counts;
  }

  static Map<String, Long> actualCounts(CollectingSink out) {
    Map<String, Long> counts = new HashMap<>();
    for (Object v : out.committedValues()) {
      Map<?, ?> window = (Map<?, ?>) v;
      String id = window.get("key") + "@" + window.get("windowStart");
      Long previous = counts.put(id, ((Number) window.get("count")).longValue());
      assertThat(previous).as("window %s emitted twice (a late firing)", id).isNull();
    }
    return counts;
  }

  @Test
  void twoPartitionsAnHourApartReadByOneSubtaskGiveExactWindowCounts() throws Exception {
    String topic = topics.create("skew", 2);
    // partition 0 is an hour ahead of partition 1; one subtask reads both, interleaved by the consumer
    List<Map<String, Object>> ahead = events(BASE + 3_600_000, PER_PARTITION);
    List<Map<String, Object>> behind = events(BASE, PER_PARTITION);
    topics.sendAll(topic, 0, json(ahead));
    topics.sendAll(topic, 1, json(behind));
    List<Map<String, Object>> all = new ArrayList<>(ahead);
    all.addAll(behind);
    CollectingSink out = new CollectingSink();

    job(spec(topic, "bounded: true, watermark: {timestamp: value.time, maxOutOfOrderness: 1s}"), out)
        .start().result().get(120, TimeUnit.SECONDS);

    Map<String, Long> actual = actualCounts(out);
    assertThat(actual.values().stream().mapToLong(Long::longValue).sum()).as("events counted")
        .isEqualTo(2L * PER_PARTITION);
    assertThat(actual).isEqualTo(expectedCounts(all));
  }

  @Test
  void anEmptyPartitionHoldsTheWatermarkBackOnlyUntilItsIdleTimeout() throws Exception {
    String topic = topics.create("idle", 2);
    List<Map<String, Object>> events = events(BASE, 500); // 5 s of event time, all in partition 0
    topics.sendAll(topic, 0, json(events));
    CollectingSink out = new CollectingSink();

    LocalJob job = job(spec(topic, "watermark: {timestamp: value.time, maxOutOfOrderness: 1s, idleTimeout: 1s}"), out)
        .start();
    try {
      // partition 1 never has a record: after 1 s it is idle and partition 0's watermark (t0 + 5 s - 1 s)
      // fires the windows [t0, t0 + 1 s) .. [t0 + 2 s, t0 + 3 s); a window at the watermark's second waits
      Map<String, Long> expected = expectedCounts(events.subList(0, 300));
      // committed by the periodic checkpoints
      await().atMost(Duration.ofSeconds(60)).until(() -> out.committed().size() >= expected.size());
      assertThat(actualCounts(out)).isEqualTo(expected);
    } finally {
      job.cancel();
    }
  }
}
