package io.millrace.engine.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.engine.api.OutputTag;
import io.millrace.engine.api.StreamOperator;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.testing.OperatorSnapshot;
import io.millrace.engine.testing.OperatorTestHarness;
import io.millrace.spec.plan.JobVertex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operators of this package driven by the runtime's own {@link OperatorTestHarness} (its
 * operator host and operator context: keys set per record, timers fired before watermarks, dead
 * letters routed), including snapshot → restore into a fresh instance.
 */
class OperatorsOnRuntimeHarnessTest {

  private static StreamOperator operator(String kind, Map<String, Object> settings) {
    return OperatorFactory.standard().create(new JobVertex("n", kind, 1, true, settings));
  }

  private static OperatorTestHarness harness(String kind, Map<String, Object> settings) throws Exception {
    return OperatorTestHarness.builder(operator(kind, settings), "n", kind).settings(settings).keyed().open();
  }

  private static final Map<String, Object> TUMBLING = Map.of(
      "keyBy", "value.k",
      "window", Map.of("type", "tumbling", "size", "10s"),
      "aggregates", List.of(Map.of("name", "n", "fn", "count"), Map.of("name", "top", "fn", "max", "field", "x")),
      "allowedLateness", "0s", "lateOutput", true);

  private static void feedTumbling(OperatorTestHarness h, int from, int to) throws Exception {
    for (int i = from; i < to; i++) {
      h.processRecord(Map.of("k", "k" + (i % 3), "x", (long) (i * 7 % 31)), "k" + (i % 3), i * 500L);
      if (i % 8 == 7) {
        h.processWatermark(i * 500L - 1_500);
      }
    }
  }

  @Test
  void windowAggregateRestoredMidWindowProducesTheUninterruptedOutput() throws Exception {
    List<StreamRecord> uninterrupted;
    try (OperatorTestHarness h = harness("window-aggregate", TUMBLING)) {
      feedTumbling(h, 0, 60);
      h.processWatermark(Long.MAX_VALUE);
      uninterrupted = h.output();
    }
    List<StreamRecord> resumed = new ArrayList<>();
    OperatorTestHarness first = harness("window-aggregate", TUMBLING);
    feedTumbling(first, 0, 25); // 12.5 s of data: the window [10s, 20s) is open
    OperatorSnapshot snapshot = first.snapshot(1);
    resumed.addAll(first.output());
    first.close();
    try (OperatorTestHarness second = first.restore(operator("window-aggregate", TUMBLING), snapshot)) {
      feedTumbling(second, 25, 60);
      second.processWatermark(Long.MAX_VALUE);
      resumed.addAll(second.output());
    }
    assertThat(uninterrupted).hasSizeGreaterThan(5);
    assertThat(resumed).containsExactlyElementsOf(uninterrupted);
  }

  /**
   * Heap state: the harness deletes its working directory on close, which the RocksDB backend has
   * already removed (NoSuchFileException) — RocksDB runs of these operators are in the per-operator
   * tests (OperatorBench).
   */
  @Test
  void sessionWindowsMergeThroughTheRuntimeHost() throws Exception {
    Map<String, Object> settings = Map.of("window", Map.of("type", "session", "gap", "5s"),
        "aggregates", List.of(Map.of("name", "n", "fn", "count")));
    try (OperatorTestHarness h = harness("window-aggregate", settings)) {
      h.processRecord(Map.of(), "a", 0);
      h.processRecord(Map.of(), "a", 8_000);
      h.processRecord(Map.of(), "a", 4_000); // bridges [0,5000) and [8000,13000)
      h.processWatermark(Long.MAX_VALUE);
      assertThat(h.output()).singleElement().satisfies(r -> {
        assertThat(Records.field(r, "n")).isEqualTo(3L);
        assertThat(Records.field(r, "windowEnd")).isEqualTo(java.time.Instant.ofEpochMilli(13_000));
      });
    }
  }

  @Test
  void intervalJoinAndDeadLettersThroughTheRuntimeHost() throws Exception {
    Map<String, Object> settings = Map.of("mode", "interval", "leftKey", "value.id", "rightKey", "value.id",
        "interval", Map.of("before", "1s", "after", "1s"), "select", "{'sum': left.v + right.v}");
    try (OperatorTestHarness h = harness("join", settings)) {
      h.processRecord1(new StreamRecord(Map.of("id", 1L, "v", 10L), 1L, 5_000));
      h.processRecord2(new StreamRecord(Map.of("id", 1L, "v", 1L), 1L, 6_000));
      h.processRecord2(new StreamRecord(Map.of("id", 1L, "v", "x"), 1L, 4_000)); // select fails: 10 + 'x'
      h.processRecord2(new StreamRecord(Map.of("id", 1L, "v", 100L), 1L, 6_001)); // outside the interval
      assertThat(h.outputValues()).containsExactly(Map.of("sum", 11L));
      assertThat(h.sideOutput(OutputTag.DEAD_LETTER)).hasSize(1);
    }
  }

  @Test
  void processTimersAndDedupTtlThroughTheRuntimeHost() throws Exception {
    Map<String, Object> process = Map.of(
        "state", List.of(Map.of("name", "count", "kind", "value", "type", "int")),
        "onRecord", Map.of("update", Map.of("count", "count + 1"), "setTimer", "timestamp + duration('1m')"),
        "onTimer", Map.of("update", Map.of("count", "null"), "emit", "[{'key': key, 'count': count}]"));
    try (OperatorTestHarness h = harness("process", process)) {
      h.processRecord(Map.of(), "u1", 0);
      h.processRecord(Map.of(), "u1", 30_000);
      h.processWatermark(60_000);
      assertThat(h.outputValues()).containsExactly(Map.of("key", "u1", "count", 2L));
      h.processWatermark(90_000); // second timer: count was cleared
      assertThat(h.outputValues()).containsExactly(Map.of("key", "u1", "count", 2L), Map.of("key", "u1", "count", 0L));
    }
    Map<String, Object> dedup = Map.of("ttl", "1m");
    try (OperatorTestHarness h = harness("deduplicate", dedup)) {
      h.processRecord("a", "a", 0);
      h.processRecord("a", "a", 59_999);
      h.processRecord("a", "a", 60_000);
      assertThat(h.output()).extracting(StreamRecord::timestamp).containsExactly(0L, 60_000L);
    }
  }
}
