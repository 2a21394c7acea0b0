package io.millrace.engine.operators.window;

import static io.millrace.engine.operators.Records.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.engine.api.OutputTag;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.operators.OperatorBench;
import io.millrace.engine.operators.TestBackends;
import io.millrace.engine.state.StateBackend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SessionWindowOperatorTest {

  @TempDir
  Path dir;

  static List<Supplier<StateBackend>> backends() {
    return TestBackends.all();
  }

  private static Map<String, Object> settings(String lateness) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("window", Map.of("type", "session", "gap", "10s"));
    s.put("aggregates", List.of(Map.of("name", "n", "fn", "count"), Map.of("name", "firstX", "fn", "first", "field", "x"),
        Map.of("name", "lastX", "fn", "last", "field", "x")));
    s.put("allowedLateness", lateness);
    s.put("lateOutput", true);
    return s;
  }

  private OperatorBench bench(Supplier<StateBackend> backend, Map<String, Object> settings, String sub) throws Exception {
    return OperatorBench.open(OperatorsForTest.windowAggregate(settings), "sessions", settings, backend.get(), dir.resolve(sub));
  }

  private static Map<String, Object> x(long x) {
    return Map.of("x", x);
  }

  private static String describe(StreamRecord r) {
    return r.key() + " [" + ((Instant) field(r, "windowStart")).toEpochMilli() + "," + ((Instant) field(r, "windowEnd")).toEpochMilli()
        + ") n=" + field(r, "n") + " first=" + field(r, "firstX") + " last=" + field(r, "lastX");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void recordsWithinTheGapFormOneSessionAndABridgingRecordMergesTwo(Supplier<StateBackend> backend) throws Exception {
    try (OperatorBench bench = bench(backend, settings("0s"), "b")) {
      bench.record(x(1), "a", 1_000);
      bench.record(x(2), "a", 5_000); // extends [1000, 11000) to [1000, 15000)
      bench.record(x(3), "a", 30_000); // a second session [30000, 40000)
      bench.record(x(4), "b", 2_000);
      bench.watermark(14_000);
      assertThat(bench.takeOutput()).extracting(SessionWindowOperatorTest::describe).containsExactly("b [2000,12000) n=1 first=4 last=4");
      bench.record(x(5), "a", 14_500); // [14500, 24500) overlaps the first session only
      bench.record(x(6), "a", 22_000); // [22000, 32000) bridges [1000, 24500) and [30000, 40000)
      bench.watermark(Long.MAX_VALUE);
      assertThat(bench.takeOutput()).extracting(SessionWindowOperatorTest::describe)
          .containsExactly("a [1000,40000) n=5 first=1 last=3");
      assertThat(bench.timerCount()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void lateMergeWithinLatenessReEmitsAndBeyondLatenessGoesToLateOutput(Supplier<StateBackend> backend) throws Exception {
    try (OperatorBench bench = bench(backend, settings("5s"), "b")) {
      bench.record(x(1), "a", 1_000);
      bench.watermark(10_999);
      assertThat(bench.takeOutput()).extracting(SessionWindowOperatorTest::describe).containsExactly("a [1000,11000) n=1 first=1 last=1");
      bench.record(x(2), "a", 500); // merges into the fired session without extending it: re-emitted at once
      assertThat(bench.takeOutput()).extracting(SessionWindowOperatorTest::describe).containsExactly("a [500,11000) n=2 first=2 last=1");
      bench.record(x(3), "a", 2_500); // extends the session past the watermark: it is open again, fires later
      assertThat(bench.takeOutput()).isEmpty();
      bench.watermark(12_499);
      assertThat(bench.takeOutput()).extracting(SessionWindowOperatorTest::describe).containsExactly("a [500,12500) n=3 first=2 last=3");
      bench.watermark(17_499); // cleanup of [500,12500) is 12499 + 5000
      bench.record(x(4), "a", 2_000); // would open [2000,12000), whose cleanup time 16999 has passed
      assertThat(bench.takeOutput()).isEmpty();
      assertThat(bench.sideOutput(OutputTag.LATE)).extracting(StreamRecord::value).containsExactly(x(4));
      assertThat(bench.timerCount()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void snapshotAndRestoreWithOpenSessionsGivesTheUninterruptedOutput(Supplier<StateBackend> backend) throws Exception {
    Map<String, Object> settings = settings("2s");
    List<long[]> input = new ArrayList<>();
    java.util.Random random = new java.util.Random(11);
    for (int i = 0; i < 200; i++) {
      input.add(new long[] {random.nextInt(5), i, i * 700L + random.nextInt(9_000)});
    }
    List<String> uninterrupted = new ArrayList<>();
    try (OperatorBench bench = bench(backend, settings, "full")) {
      feed(bench, input, 0, input.size());
      bench.watermark(Long.MAX_VALUE);
      bench.takeOutput().forEach(r -> uninterrupted.add(describe(r)));
      bench.sideOutput(OutputTag.LATE).forEach(r -> uninterrupted.add("late " + r.value()));
    }
    List<String> resumed = new ArrayList<>();
    try (FileCheckpointStore store = new FileCheckpointStore(dir.resolve("store"))) {
      OperatorBench.Checkpoint checkpoint;
      try (OperatorBench first = bench(backend, settings, "first")) {
        feed(first, input, 0, 100);
        checkpoint = first.snapshot(7, store);
        first.takeOutput().forEach(r -> resumed.add(describe(r)));
        first.sideOutput(OutputTag.LATE).forEach(r -> resumed.add("late " + r.value()));
      }
      try (OperatorBench second = OperatorBench.restore(OperatorsForTest.windowAggregate(settings), "sessions", settings,
          backend.get(), dir.resolve("second"), store, checkpoint)) {
        feed(second, input, 100, input.size());
        second.watermark(Long.MAX_VALUE);
        second.takeOutput().forEach(r -> resumed.add(describe(r)));
        second.sideOutput(OutputTag.LATE).forEach(r -> resumed.add("late " + r.value()));
      }
    }
    assertThat(uninterrupted).hasSizeGreaterThan(10);
    assertThat(resumed).containsExactlyInAnyOrderElementsOf(uninterrupted);
  }

  private static void feed(OperatorBench bench, List<long[]> input, int from, int to) throws Exception {
    long maxTs = Long.MIN_VALUE;
    for (int i = 0; i < to; i++) {
      long[] rec = input.get(i);
      maxTs = Math.max(maxTs, rec[2]);
      if (i >= from) {
        bench.record(x(rec[1]), "k" + rec[0], rec[2]);
        if (i % 10 == 9) {
          bench.watermark(maxTs - 3_000);
        }
      }
    }
  }
}
