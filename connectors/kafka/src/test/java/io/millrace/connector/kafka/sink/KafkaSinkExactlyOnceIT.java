package io.millrace.connector.kafka.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millrace.connector.kafka.KafkaConnectors;
import io.millrace.connector.kafka.KafkaDefaults;
import io.millrace.connector.kafka.format.JsonFormat;
import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.connector.CollectingSink;
import io.millrace.engine.connector.CollectionSource;
import io.millrace.engine.operators.OperatorFactory;
import io.millrace.engine.runtime.Connectors;
import io.millrace.engine.runtime.JobConfig;
import io.millrace.engine.runtime.LocalJob;
import io.millrace.engine.runtime.checkpoint.CompletedCheckpoint;
import io.millrace.engine.state.heap.HeapStateBackend;
import io.millrace.engine.testing.MiniCluster;
import io.millrace.localstack.KafkaServer;
import io.millrace.localstack.WithKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kafka-sink against the real broker: a keyed tumbling-window count (from an in-memory source)
 * whose task is killed three times mid-run and restored from the latest completed checkpoint each time; the read_committed output
 * must equal the failure-free result exactly, while the uncommitted log shows the aborted attempts
 * really wrote (so the test would see duplicates if aborts leaked).
 */
@WithKafka
class KafkaSinkExactlyOnceIT {

  private static final System.Logger TEST_LOG = System.getLogger(KafkaSinkExactlyOnceIT.class.getName());

  static final int EVENTS = 20_000;
  static final int KEYS = 17;

  @TempDir Path dir;

  static String spec(String topic, String delivery) {
    return """
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: sink-eos}
        spec:
          parallelism: 2
          nodes:
            - {id: events, type: kafka-source, topic: in, format: json, watermark: {timestamp: value.time, maxOutOfOrderness: 5s}}
            - {id: check, type: map, inputs: [events], expression: "value"}
            - id: counts
              type: window-aggregate
              inputs: [check]
              keyBy: "value.key"
              window: {type: tumbling, size: 1s}
              aggregates: [{name: count, fn: count}]
            - {id: out, type: kafka-sink, inputs: [counts], topic: %s, key: "value.key", format: json, delivery: %s}
        """.formatted(topic, delivery);
  }

  /**
   * Two splits (consecutive chunks), one per source subtask, covering the same ~140 s of event time, each in
   * time order: no event is late (one reader with several splits may drain one before the other).
   */
  static CollectionSource events() {
    List<CollectionSource.Element> elements = new ArrayList<>();
    long base = 1_700_000_000_000L;
    for (long i = 0; i < EVENTS; i++) {
      long time = base + (i % (EVENTS / 2)) * 14;
      elements.add(new CollectionSource.Element(Map.of("seq", i, "key", "k" + (i % KEYS), "time", time), time));
    }
    return CollectionSource.ofElements(elements, 2);
  }

  private MiniCluster cluster(String yaml, CollectionSource source, Connectors connectors, Set<Long> failAt,
      String stateDir) {
    return MiniCluster.forSpec(yaml)
        .source("events", source)
        .connectors(connectors)
        .operators(OperatorFactory.standard())
        .operator("check", () -> new FailAtSeqs(failAt))
        .config(JobConfig.defaults(dir.resolve(stateDir))
            .withState(new HeapStateBackend(), new FileCheckpointStore(dir.resolve("store"))));
  }

  /** The failure-free output, as JSON documents (what the sink writes). */
  private Map<String, Long> expected() throws Exception {
    CollectingSink reference = new CollectingSink();
    MiniCluster.forSpec(spec("unused", "exactly-once"))
        .source("events", events())
        .sink("out", reference)
        .operators(OperatorFactory.standard())
        .config(JobConfig.defaults(dir.resolve("ref"))
            .withState(new HeapStateBackend(), new FileCheckpointStore(dir.resolve("ref-store"))))
        .start().result().get(120, TimeUnit.SECONDS);
    List<String> json = reference.committedValues().stream()
        .map(v -> new String(JsonFormat.INSTANCE.encode(v), StandardCharsets.UTF_8)).toList();
    long total = reference.committedValues().stream().mapToLong(v -> ((Number) ((Map<?, ?>) v).get("count")).longValue())
        .sum();
    assertThat(total).as("the reference counts every event once").isEqualTo(EVENTS);
    return CommittedOutput.multiset(json);
  }

  static long count(String windowJson) {
    return Long.parseLong(windowJson.replaceAll(".*\"count\":(\\d+).*", "$1"));
  }

  /**
   * A topic that keeps every message: the test data's event times (hence the sink's message timestamps)
   * are in 2023, past the broker's default 7-day retention, so with the default the broker deletes the
   * whole output at its next retention check (30 s after it started, then every 5 minutes) — which made
   * this test "lose" the early windows on a fresh CI broker.
   */
  static void createTopic(KafkaServer kafka, String topic, int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      NewTopic keepAll = new NewTopic(topic, partitions, (short) 1).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
      admin.createTopics(List.of(keepAll)).all().get(30, TimeUnit.SECONDS);
    }
  }

  /** Offsets (in split 0, = seq) where the task is killed. */
  static final List<Long> KILLS = List.of(4_000L, 6_600L, 9_200L);
  /** Records per split between an attempt's checkpoint and its kill: 17 s of event time, more than the 5 s
   * out-of-orderness, so windows fire into the transaction that the kill then aborts. */
  static final long BEHIND = 1_200;

  /**
   * Runs the job and kills it at each of {@link #KILLS}: every attempt is let through to {@link #BEHIND}
   * records (per split) short of its kill point, checkpoints, then is let through past it; the next
   * attempt restores the latest completed checkpoint. Checkpoints are triggered, not periodic, so the
   * output written after the checkpoint — aborted (exactly-once) or duplicated (at-least-once) — is
   * certain, not a matter of timing. Returns the kills.
   */
  private int runWithKills(String yaml, Connectors connectors) throws Exception {
    Set<Long> failAt = ConcurrentHashMap.newKeySet();
    failAt.addAll(KILLS);
    CollectionSource source = events();
    int kills = 0;
    source.releaseUpTo(KILLS.get(0) - BEHIND);
    LocalJob job = cluster(yaml, source, connectors, failAt, "attempt-0").start();
    while (true) {
      if (kills < KILLS.size()) {
        job.checkpoints().triggerCheckpoint().get(60, TimeUnit.SECONDS);
        source.releaseUpTo(KILLS.get(kills) + 100);
      } else {
        source.releaseAll();
      }
      try {
        job.result().get(180, TimeUnit.SECONDS);
        job.close();
        return kills;
      } catch (ExecutionException e) {
        assertThat(e).hasRootCauseInstanceOf(FailAtSeqs.InjectedFailure.class);
        kills++;
      }
      CompletedCheckpoint latest = job.checkpoints().latestCompleted().orElseThrow();
      job.close();
      if (kills < KILLS.size()) {
        source.releaseUpTo(KILLS.get(kills) - BEHIND);
      }
      job = cluster(yaml, source, connectors, failAt, "attempt-" + kills).restore(latest);
    }
  }

  @Test
  void exactlyOnceOutputEqualsTheFailureFreeCountsDespiteThreeKills(KafkaServer kafka) throws Exception {
    Map<String, Long> expected = expected();
    String topic = "sink-eos-" + System.nanoTime();
    createTopic(kafka, topic, 3);
    PreparedTransactions prepared = new PreparedTransactions();
    Connectors connectors = KafkaConnectors.register(Connectors.none(),
        KafkaDefaults.cluster(kafka.bootstrapServers()), "eos-" + System.nanoTime(), prepared);
    int kills = runWithKills(spec(topic, "exactly-once"), connectors);

    assertThat(kills).isEqualTo(3);
    List<String> committed = CommittedOutput.read(kafka.bootstrapServers(), topic, true);
    assertThat(committed.stream().mapToLong(KafkaSinkExactlyOnceIT::count).sum()).isEqualTo(EVENTS);
    assertThat(CommittedOutput.multiset(committed)).isEqualTo(expected);
    assertThat(committed).hasSize(expected.size()); // no window twice
    // the killed attempts did write transactions that were then aborted: the raw log holds more
    assertThat(CommittedOutput.read(kafka.bootstrapServers(), topic, false).size()).isGreaterThan(committed.size());
    assertThat(prepared.size()).isZero();
  }

  @Test
  void atLeastOnceLosesNothingButMayDuplicate(KafkaServer kafka) throws Exception {
    Map<String, Long> expected = expected();
    String topic = "sink-alo-" + System.nanoTime();
    createTopic(kafka, topic, 3);
    Connectors connectors = KafkaConnectors.register(Connectors.none(),
        KafkaDefaults.cluster(kafka.bootstrapServers()), "alo-" + System.nanoTime(), new PreparedTransactions());
    assertThat(runWithKills(spec(topic, "at-least-once"), connectors)).isEqualTo(3);

    Map<String, Long> output = CommittedOutput.multiset(CommittedOutput.read(kafka.bootstrapServers(), topic, true));
    assertThat(output.keySet()).containsAll(expected.keySet()); // no loss
    long duplicates = output.values().stream().mapToLong(n -> n - 1).sum();
    TEST_LOG.log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT, "at-least-once: %d windows expected, %d distinct written, %d duplicates",
        expected.size(), output.size(), duplicates));
    assertThat(duplicates).as("windows fired after the checkpoint are emitted again by the replay").isPositive();
    // every extra document is a re-emitted window of the replay, never a wrong count
    assertThat(output.keySet().stream().filter(k -> !expected.containsKey(k)).collect(Collectors.toList())).isEmpty();
  }
}
