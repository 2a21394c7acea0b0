package io.millrace.engine.operators.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.engine.api.OutputTag;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.operators.OperatorBench;
import io.millrace.engine.operators.OperatorFactory;
import io.millrace.engine.operators.TestBackends;
import io.millrace.engine.state.StateBackend;
import io.millrace.spec.plan.JobVertex;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JoinOperatorsTest {

  @TempDir
  Path dir;

  static List<Supplier<StateBackend>> backends() {
    return TestBackends.all();
  }

  private OperatorBench bench(Supplier<StateBackend> backend, String kind, Map<String, Object> settings, String sub) throws Exception {
    return OperatorBench.open(operator(kind, settings), "j", settings, backend.get(), dir.resolve(sub));
  }

  private static io.millrace.engine.api.StreamOperator operator(String kind, Map<String, Object> settings) {
    return OperatorFactory.standard().create(new JobVertex("j", kind, 1, true, settings));
  }

  private static Map<String, Object> windowJoin(Map<String, Object> window) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("mode", "window");
    s.put("leftKey", "value.id");
    s.put("rightKey", "value.id");
    s.put("window", window);
    s.put("select", "{'l': left.v, 'r': right.v}");
    return s;
  }

  private static Map<String, Object> v(String v) {
    return Map.of("v", v);
  }

  private static String pair(StreamRecord r) {
    Map<?, ?> m = (Map<?, ?>) r.value();
    return r.key() + ":" + m.get("l") + "-" + m.get("r") + "@" + r.timestamp();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void windowJoinPairsRecordsOfTheSameKeyAndWindow(Supplier<StateBackend> backend) throws Exception {
    try (OperatorBench bench = bench(backend, "join", windowJoin(Map.of("type", "tumbling", "size", "10s")), "b")) {
      bench.left(v("L1"), 1L, 1_000);
      bench.right(v("R1"), 1L, 2_000);
      bench.right(v("R2"), 1L, 9_000);
      bench.left(v("L2"), 2L, 3_000); // other key: no right
      bench.right(v("R3"), 1L, 12_000); // next window: no left there
      bench.watermark(9_999);
      assertThat(bench.takeOutput()).extracting(JoinOperatorsTest::pair).containsExactly("1:L1-R1@9999", "1:L1-R2@9999");
      bench.left(v("late"), 1L, 5_000);
      assertThat(bench.counter("late-dropped")).isEqualTo(1);
      bench.watermark(Long.MAX_VALUE);
      assertThat(bench.takeOutput()).isEmpty();
      assertThat(bench.timerCount()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void slidingWindowJoinEmitsAPairOncePerCommonWindow(Supplier<StateBackend> backend) throws Exception {
    try (OperatorBench bench = bench(backend, "join", windowJoin(Map.of("type", "sliding", "size", "10s", "slide", "5s")), "b")) {
      bench.left(v("L"), 1L, 6_000); // windows ending 10000 and 15000
      bench.right(v("R"), 1L, 8_000); // windows ending 10000 and 15000
      bench.right(v("S"), 1L, 11_000); // windows ending 15000 and 20000
      bench.watermark(Long.MAX_VALUE);
      assertThat(bench.takeOutput()).extracting(JoinOperatorsTest::pair)
          .containsExactly("1:L-R@9999", "1:L-R@14999", "1:L-S@14999");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void sessionWindowJoinPairsTheRecordsOfMergedSessions(Supplier<StateBackend> backend) throws Exception {
    try (OperatorBench bench = bench(backend, "join", windowJoin(Map.of("type", "session", "gap", "5s")), "b")) {
      bench.left(v("L1"), 1L, 0); // [0, 5000)
      bench.right(v("R1"), 1L, 12_000); // [12000, 17000): a separate session
      bench.right(v("R0"), 1L, 3_000); // extends the first to [0, 8000)
      bench.left(v("L2"), 1L, 7_500); // [7500, 12500): overlaps both sessions, merging them into [0, 17000)
      bench.left(v("other"), 2L, 1_000); // another key, no right record
      bench.watermark(16_998);
      assertThat(bench.takeOutput()).isEmpty();
      bench.watermark(16_999);
      assertThat(bench.takeOutput()).extracting(JoinOperatorsTest::pair)
          .containsExactlyInAnyOrder("1:L1-R1@16999", "1:L1-R0@16999", "1:L2-R1@16999", "1:L2-R0@16999");
      bench.right(v("late"), 1L, 10_000);
      assertThat(bench.counter("late-dropped")).isEqualTo(1);
      bench.watermark(Long.MAX_VALUE);
      assertThat(bench.takeOutput()).isEmpty();
      assertThat(bench.timerCount()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void intervalJoinRespectsInclusiveBoundsAndCleansStateByWatermark(Supplier<StateBackend> backend) throws Exception {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("mode", "interval");
    s.put("leftKey", "value.id");
    s.put("rightKey", "value.id");
    s.put("interval", Map.of("before", "10s", "after", "0s")); // right ∈ [left - 10s, left]
    s.put("select", "{'l': left.v, 'r': right.v}");
    try (OperatorBench bench = bench(backend, "join", s, "b")) {
      bench.right(v("shown-at-0"), 7L, 0);
      bench.right(v("shown-at-5"), 7L, 5_000);
      bench.right(v("other-key"), 8L, 5_000);
      bench.left(v("click-10"), 7L, 10_000); // joins rights at 0 (bound) and 5000
      assertThat(bench.takeOutput()).extracting(JoinOperatorsTest::pair)
          .containsExactlyInAnyOrder("7:click-10-shown-at-0@10000", "7:click-10-shown-at-5@10000");
      bench.left(v("click-11"), 7L, 11_000); // 0 is now outside [1000, 11000]
      assertThat(bench.takeOutput()).extracting(JoinOperatorsTest::pair).containsExactly("7:click-11-shown-at-5@11000");
      bench.right(v("shown-at-10.5"), 7L, 10_500); // joins lefts in [10500, 20500]: click-11, not click-10
      assertThat(bench.takeOutput()).extracting(JoinOperatorsTest::pair).containsExactly("7:click-11-shown-at-10.5@11000");
      bench.watermark(Long.MAX_VALUE - 20_000);
      assertThat(bench.timerCount()).as("all buffered records cleaned up").isZero();
      bench.left(v("late"), 7L, 12_000);
      assertThat(bench.counter("late-dropped")).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void intervalJoinSurvivesSnapshotAndRestore(Supplier<StateBackend> backend) throws Exception {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("mode", "interval");
    s.put("leftKey", "value.id");
    s.put("rightKey", "value.id");
    s.put("interval", Map.of("before", "5s", "after", "5s"));
    try (FileCheckpointStore store = new FileCheckpointStore(dir.resolve("store"))) {
      OperatorBench.Checkpoint checkpoint;
      try (OperatorBench first = bench(backend, "join", s, "first")) {
        first.left(v("a"), 1L, 10_000);
        first.watermark(4_000);
        checkpoint = first.snapshot(1, store);
      }
      try (OperatorBench second = OperatorBench.restore(operator("join", s), "j", s, backend.get(), dir.resolve("second"), store,
          checkpoint)) {
        second.right(v("b"), 1L, 14_000);
        second.right(v("too-early"), 1L, 4_500); // 4500 > restored watermark 4000 but outside [5000, 15000]
        second.right(v("late"), 1L, 3_000); // below the restored watermark
        assertThat(second.takeOutput()).extracting(r -> io.millrace.engine.operators.Records.field(r, "right")).containsExactly(v("b"));
        assertThat(second.counter("late-dropped")).isEqualTo(1);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void lookupJoinEnrichesWithTheLatestRowAndHandlesMissingRows(Supplier<StateBackend> backend) throws Exception {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("leftKey", "value.customer");
    s.put("rightKey", "value.id");
    s.put("select", "{'order': left.order, 'name': right == null ? 'unknown' : right.name}");
    s.put("emitOnMissing", true);
    try (OperatorBench bench = bench(backend, "lookup-join", s, "emit")) {
      bench.left(Map.of("order", 1L), "c1", 100);
      bench.right(Map.of("id", "c1", "name", "Ada"), "c1", 200);
      bench.left(Map.of("order", 2L), "c1", 300);
      bench.right(Map.of("id", "c1", "name", "Ada L."), "c1", 400);
      bench.left(Map.of("order", 3L), "c1", 500);
      assertThat(bench.takeOutput()).extracting(r -> ((Map<?, ?>) r.value()).get("name") + "@" + r.timestamp())
          .containsExactly("unknown@100", "Ada@300", "Ada L.@500");
    }
    Map<String, Object> drop = new LinkedHashMap<>(s);
    drop.remove("emitOnMissing");
    drop.put("onMissing", "drop");
    drop.put("ttl", "1m");
    try (OperatorBench bench = bench(backend, "lookup-join", drop, "drop")) {
      bench.left(Map.of("order", 1L), "c1", 100);
      assertThat(bench.counter("unmatched-dropped")).isEqualTo(1);
      bench.right(Map.of("id", "c1", "name", "Ada"), "c1", 200);
      bench.processingTime(59_000);
      bench.left(Map.of("order", 2L), "c1", 300);
      bench.processingTime(60_001); // the row was written at processing time 0: expired now
      bench.left(Map.of("order", 3L), "c1", 400);
      assertThat(bench.takeOutput()).extracting(r -> io.millrace.engine.operators.Records.field(r, "order")).containsExactly(2L);
      assertThat(bench.counter("unmatched-dropped")).isEqualTo(2);
    }
  }

  /** Records that arrive without a key (a FORWARD edge from a non-keyed node) are keyed with leftKey / rightKey. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void recordsWithoutKeyAreKeyedByTheJoinsKeyExpressions(Supplier<StateBackend> backend) throws Exception {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("mode", "interval");
    s.put("leftKey", "value.user");
    s.put("rightKey", "value.id");
    s.put("interval", Map.of("before", "1s", "after", "1s"));
    s.put("select", "{'l': left.v, 'r': right.v}");
    try (OperatorBench bench = bench(backend, "join", s, "b")) {
      bench.left(Map.of("user", "u1", "v", "click"), null, 1_000);
      bench.right(Map.of("id", "u2", "v", "other user"), null, 1_200);
      bench.right(Map.of("id", "u1", "v", "profile"), null, 1_500);
      bench.right(Map.of("v", "no id"), null, 1_500);
      assertThat(bench.takeOutput()).extracting(JoinOperatorsTest::pair).containsExactly("u1:click-profile@1500");
      assertThat(bench.sideOutput(OutputTag.DEAD_LETTER)).singleElement()
          .satisfies(r -> assertThat(io.millrace.engine.operators.Records.field(r, "reason").toString()).contains("value.id"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void failingSelectGoesToDeadLetter(Supplier<StateBackend> backend) throws Exception {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("leftKey", "value.customer");
    s.put("rightKey", "value.id");
    s.put("select", "{'name': right.name}");
    try (OperatorBench bench = bench(backend, "lookup-join", s, "b")) {
      bench.left(Map.of("order", 1L), "c1", 100); // right is null: right.name fails
      assertThat(bench.takeOutput()).isEmpty();
      assertThat(bench.sideOutput(OutputTag.DEAD_LETTER)).hasSize(1);
    }
  }
}
