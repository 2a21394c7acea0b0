package io.millrace.engine.operators.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.engine.api.OperatorSetupException;
import io.millrace.engine.api.OutputTag;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.operators.OperatorBench;
import io.millrace.engine.operators.OperatorFactory;
import io.millrace.engine.operators.TestBackends;
import io.millrace.engine.state.StateBackend;
import io.millrace.engine.state.heap.HeapStateBackend;
import io.millrace.spec.plan.JobVertex;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProcessOperatorTest {

  @TempDir
  Path dir;

  static List<Supplier<StateBackend>> backends() {
    return TestBackends.all();
  }

  private static io.millrace.engine.api.StreamOperator operator(Map<String, Object> settings) {
    return OperatorFactory.standard().create(new JobVertex("p", "process", 1, true, settings));
  }

  /** The anomaly-detector example: alert on the third high reading in a row. */
  private static Map<String, Object> streak() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("keyBy", "value.host");
    s.put("state", List.of(Map.of("name", "streak", "kind", "value", "type", "int")));
    s.put("onRecord", Map.of(
        "update", Map.of("streak", "value.load > 0.9 ? streak + 1 : 0"),
        "emit", "value.load > 0.9 && streak + 1 == 3 ? [{'host': value.host, 'load': value.load}] : []"));
    return s;
  }

  private static Map<String, Object> load(String host, double load) {
    return Map.of("host", host, "load", load);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void valueStateStartsAtZeroAndUpdatesSeeTheStateBeforeTheEvent(Supplier<StateBackend> backend) throws Exception {
    try (OperatorBench bench = OperatorBench.open(operator(streak()), "p", streak(), backend.get(), dir.resolve("b"))) {
      double[] loads = {0.95, 0.97, 0.5, 0.91, 0.92, 0.99, 0.98};
      for (int i = 0; i < loads.length; i++) {
        bench.record(load("h1", loads[i]), "h1", i * 1000L);
      }
      bench.record(load("h2", 0.99), "h2", 0);
      assertThat(bench.takeOutput()).extracting(r -> r.key() + "@" + r.timestamp() + ":" + ((Map<?, ?>) r.value()).get("load"))
          .containsExactly("h1@5000:0.99");
    }
  }

  /** Session-like state machine: list + map state, a timer per key, onTimer emits a summary and clears. */
  private static Map<String, Object> collector() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("state", List.of(Map.of("name", "items", "kind", "list"), Map.of("name", "perType", "kind", "map"),
        Map.of("name", "deadline", "kind", "value", "type", "int")));
    s.put("onRecord", Map.of(
        "update", Map.of(
            "items", "items + [value.item]",
            "perType", "{'lastType': value.type, 'firstItem': 'firstItem' in perType ? perType.firstItem : value.item}",
            "deadline", "deadline == 0 ? toEpochMillis(timestamp) + 10000 : deadline"),
        "setTimer", "deadline == 0 ? timestamp + duration('10s') : fromEpochMillis(deadline)"));
    s.put("onTimer", Map.of(
        "update", Map.of("items", "null", "perType", "null", "deadline", "null"),
        "emit", "[{'key': key, 'items': items, 'first': perType.firstItem, 'firedAt': toEpochMillis(timer)}]"));
    return s;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void timersFireOnTheWatermarkAndSeeTheState(Supplier<StateBackend> backend) throws Exception {
    Map<String, Object> settings = collector();
    try (OperatorBench bench = OperatorBench.open(operator(settings), "p", settings, backend.get(), dir.resolve("b"))) {
      bench.record(Map.of("item", "a", "type", "x"), "k", 1_000);
      bench.record(Map.of("item", "b", "type", "y"), "k", 4_000);
      bench.record(Map.of("item", "c", "type", "x"), "j", 2_000);
      bench.watermark(10_999);
      assertThat(bench.takeOutput()).isEmpty();
      bench.watermark(11_000);
      List<StreamRecord> fired = bench.takeOutput();
      assertThat(fired).extracting(StreamRecord::value)
          .containsExactly(Map.of("key", "k", "items", List.of("a", "b"), "first", "a", "firedAt", 11_000L));
      assertThat(fired.get(0).timestamp()).isEqualTo(11_000);
      bench.watermark(12_000);
      assertThat(bench.takeOutput()).extracting(StreamRecord::value)
          .containsExactly(Map.of("key", "j", "items", List.of("c"), "first", "c", "firedAt", 12_000L));
      bench.record(Map.of("item", "d", "type", "x"), "k", 20_000); // state was cleared: starts over
      bench.watermark(Long.MAX_VALUE - 1);
      assertThat(bench.takeOutput()).extracting(StreamRecord::value)
          .containsExactly(Map.of("key", "k", "items", List.of("d"), "first", "d", "firedAt", 30_000L));
      assertThat(bench.timerCount()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void stateAndTimersSurviveSnapshotAndRestore(Supplier<StateBackend> backend) throws Exception {
    Map<String, Object> settings = collector();
    try (FileCheckpointStore store = new FileCheckpointStore(dir.resolve("store"))) {
      OperatorBench.Checkpoint checkpoint;
      try (OperatorBench first = OperatorBench.open(operator(settings), "p", settings, backend.get(), dir.resolve("first"))) {
        first.record(Map.of("item", "a", "type", "x"), "k", 1_000);
        checkpoint = first.snapshot(1, store);
      }
      try (OperatorBench second = OperatorBench.restore(operator(settings), "p", settings, backend.get(), dir.resolve("second"),
          store, checkpoint)) {
        second.record(Map.of("item", "b", "type", "x"), "k", 2_000);
        second.watermark(11_000);
        assertThat(second.takeOutput()).extracting(StreamRecord::value)
            .containsExactly(Map.of("key", "k", "items", List.of("a", "b"), "first", "a", "firedAt", 11_000L));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void failingExpressionGoesToDeadLetterAndChangesNoState(Supplier<StateBackend> backend) throws Exception {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("state", List.of(Map.of("name", "total", "kind", "value", "type", "int"), Map.of("name", "seen", "kind", "list")));
    s.put("onRecord", Map.of(
        "update", Map.of("seen", "seen + [value.n]", "total", "total + value.n"),
        "emit", "[{'total': total + value.n, 'seen': size(seen) + 1}]"));
    try (OperatorBench bench = OperatorBench.open(operator(s), "p", s, backend.get(), dir.resolve("b"))) {
      bench.record(Map.of("n", 5L), "k", 1);
      bench.record(Map.of("n", "five"), "k", 2); // total + 'five' fails: seen must not change either
      bench.record(Map.of("n", 7L), "k", 3);
      assertThat(bench.takeOutput()).extracting(StreamRecord::value)
          .containsExactly(Map.of("total", 5L, "seen", 1L), Map.of("total", 12L, "seen", 2L));
      assertThat(bench.sideOutput(OutputTag.DEAD_LETTER)).singleElement()
          .satisfies(r -> assertThat(((Map<?, ?>) r.value()).get("reason").toString()).contains("update.total").contains("_+_"));
    }
  }

  @org.junit.jupiter.api.Test
  void updateOfAnUndeclaredStateIsASetupError() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("state", List.of(Map.of("name", "a", "kind", "value")));
    s.put("onRecord", Map.of("update", Map.of("b", "1")));
    assertThatThrownBy(() -> OperatorBench.open(operator(s), "p", s, new HeapStateBackend(), dir.resolve("bad")))
        .isInstanceOf(OperatorSetupException.class).hasMessageContaining("'b', which is not declared");
  }
}
