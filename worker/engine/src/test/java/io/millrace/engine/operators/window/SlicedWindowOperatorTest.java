package io.millrace.engine.operators.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.engine.api.OutputTag;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import static io.millrace.engine.operators.Records.field;
import static io.millrace.engine.operators.Records.value;

import io.millrace.engine.operators.OperatorBench;
import io.millrace.engine.operators.TestBackends;
import io.millrace.engine.state.StateBackend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SlicedWindowOperatorTest {

  @TempDir
  Path dir;

  static List<Supplier<StateBackend>> backends() {
    return TestBackends.all();
  }

  private static final List<Map<String, Object>> COUNT_SUM = List.of(
      Map.of("name", "n", "fn", "count"),
      Map.of("name", "total", "fn", "sum", "field", "x"));

  private static Map<String, Object> settings(Map<String, Object> window, String lateness, boolean lateOutput) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("window", window);
    s.put("aggregates", COUNT_SUM);
    s.put("allowedLateness", lateness);
    s.put("lateOutput", lateOutput);
    return s;
  }

  private static Map<String, Object> x(long x) {
    return Map.of("x", x);
  }

  private OperatorBench bench(Supplier<StateBackend> backend, Map<String, Object> settings, String sub) throws Exception {
    return OperatorBench.open(OperatorsForTest.windowAggregate(settings), "win", settings, backend.get(), dir.resolve(sub));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void tumblingWindowsFireOnWatermarkWithTheSpecsOutputShape(Supplier<StateBackend> backend) throws Exception {
    try (OperatorBench bench = bench(backend, settings(Map.of("type", "tumbling", "size", "10s"), "0s", false), "b")) {
      bench.record(x(1), "a", 1_000);
      bench.record(x(2), "a", 9_999);
      bench.record(x(5), "b", 3_000);
      bench.record(x(7), "a", 10_000); // next window
      bench.watermark(9_998);
      assertThat(bench.takeOutput()).isEmpty();
      bench.watermark(9_999);
      List<StreamRecord> fired = bench.takeOutput();
      assertThat(fired).hasSize(2);
      Map<Object, Map<String, Object>> byKey = new TreeMap<>();
      fired.forEach(r -> byKey.put(r.key(), value(r)));
      assertThat(byKey.get("a")).containsExactly(Map.entry("key", "a"), Map.entry("windowStart", Instant.ofEpochMilli(0)),
          Map.entry("windowEnd", Instant.ofEpochMilli(10_000)), Map.entry("n", 2L), Map.entry("total", 3L));
      assertThat(byKey.get("b")).containsEntry("n", 1L).containsEntry("total", 5L);
      assertThat(fired).allSatisfy(r -> assertThat(r.timestamp()).isEqualTo(9_999));
      bench.watermark(Long.MAX_VALUE);
      List<StreamRecord> last = bench.takeOutput();
      assertThat(last).hasSize(1);
      assertThat(value(last.get(0))).containsEntry("n", 1L).containsEntry("total", 7L)
          .containsEntry("windowStart", Instant.ofEpochMilli(10_000));
      assertThat(bench.timerCount()).isZero();
    }
  }

  /** Random out-of-order input: every sliding window's result equals a brute-force computation. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void slidingWindowsMatchBruteForce(Supplier<StateBackend> backend) throws Exception {
    long size = 10_000;
    long slide = 4_000;
    Random random = new Random(42);
    List<long[]> input = new ArrayList<>(); // key, x, ts
    for (int i = 0; i < 400; i++) {
      input.add(new long[] {random.nextInt(3), random.nextInt(100), 50_000 + random.nextInt(60_000)});
    }
    Map<String, long[]> expected = new TreeMap<>();
    for (long[] rec : input) {
      for (long end = 0; end <= 200_000; end += slide) {
        if (end - size <= rec[2] && rec[2] < end) {
          long[] agg = expected.computeIfAbsent(rec[0] + "@" + end, k -> new long[2]);
          agg[0]++;
          agg[1] += rec[1];
        }
      }
    }
    try (OperatorBench bench = bench(backend, settings(Map.of("type", "sliding", "size", "10s", "slide", "4s"), "0s", false), "b")) {
      for (long[] rec : input) {
        bench.record(x(rec[1]), "k" + rec[0], rec[2]); // no watermark before the end: nothing is late
      }
      bench.watermark(Long.MAX_VALUE);
      Map<String, long[]> actual = new TreeMap<>();
      for (StreamRecord r : bench.takeOutput()) {
        Map<String, Object> v = value(r);
        long end = ((Instant) v.get("windowEnd")).toEpochMilli();
        assertThat(((Instant) v.get("windowStart")).toEpochMilli()).isEqualTo(end - size);
        long[] previous = actual.put(((String) r.key()).substring(1) + "@" + end, new long[] {(Long) v.get("n"), (Long) v.get("total")});
        assertThat(previous).as("one result per key and window").isNull();
      }
      assertThat(actual).hasSameSizeAs(expected);
      expected.forEach((k, v) -> assertThat(actual.get(k)).as(k).containsExactly(v));
      assertThat(bench.timerCount()).isZero();
    }
  }

  /** More keys than the slice buffer holds between two watermarks: forced flushes lose nothing. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void manyKeysOverflowTheSliceBufferWithoutLoss(Supplier<StateBackend> backend) throws Exception {
    int keys = SlicedWindowOperator.BUFFER_CAPACITY + 1_000;
    try (OperatorBench bench = bench(backend, settings(Map.of("type", "tumbling", "size", "10s"), "0s", false), "b")) {
      for (int round = 0; round < 2; round++) {
        for (int k = 0; k < keys; k++) {
          bench.record(x(k), (long) k, 1_000 + round);
        }
      }
      bench.watermark(Long.MAX_VALUE);
      List<StreamRecord> out = bench.takeOutput();
      assertThat(out).hasSize(keys);
      assertThat(out).allSatisfy(r -> {
        assertThat(field(r, "n")).isEqualTo(2L);
        assertThat(field(r, "total")).isEqualTo(2 * (Long) r.key());
      });
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void lateRecordsGoToTheLateOutputOrAreCounted(Supplier<StateBackend> backend) throws Exception {
    try (OperatorBench bench = bench(backend, settings(Map.of("type", "tumbling", "size", "10s"), "0s", true), "b1")) {
      bench.record(x(1), "a", 1_000);
      bench.watermark(10_000);
      assertThat(bench.takeOutput()).hasSize(1);
      bench.record(x(9), "a", 2_000); // its window fired and was cleaned up
      assertThat(bench.sideOutput(OutputTag.LATE)).extracting(StreamRecord::value).containsExactly(x(9));
      bench.watermark(Long.MAX_VALUE);
      assertThat(bench.takeOutput()).isEmpty();
    }
    try (OperatorBench bench = bench(backend, settings(Map.of("type", "tumbling", "size", "10s"), "0s", false), "b2")) {
      bench.watermark(10_000);
      bench.record(x(9), "a", 2_000);
      assertThat(bench.sideOutput(OutputTag.LATE)).isEmpty();
      assertThat(bench.counter("late-dropped")).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void allowedLatenessUpdatesAFiredWindowThenDropsBeyondIt(Supplier<StateBackend> backend) throws Exception {
    try (OperatorBench bench = bench(backend, settings(Map.of("type", "tumbling", "size", "10s"), "5s", true), "b")) {
      bench.record(x(1), "a", 1_000);
      bench.watermark(9_999);
      assertThat(bench.takeOutput()).extracting(r -> field(r, "total")).containsExactly(1L);
      bench.record(x(10), "a", 2_000); // late but within lateness: late firing with the updated result
      assertThat(bench.takeOutput()).extracting(r -> field(r, "total")).containsExactly(11L);
      bench.watermark(14_998);
      bench.record(x(100), "a", 3_000); // still within: cleanup time is 9_999 + 5_000
      assertThat(bench.takeOutput()).extracting(r -> field(r, "total")).containsExactly(111L);
      bench.watermark(14_999);
      bench.record(x(1000), "a", 4_000); // beyond lateness
      assertThat(bench.takeOutput()).isEmpty();
      assertThat(bench.sideOutput(OutputTag.LATE)).extracting(StreamRecord::value).containsExactly(x(1000));
      assertThat(bench.timerCount()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void failingRecordGoesToDeadLetterAndLeavesTheWindowUnchanged(Supplier<StateBackend> backend) throws Exception {
    try (OperatorBench bench = bench(backend, settings(Map.of("type", "tumbling", "size", "10s"), "0s", false), "b")) {
      bench.record(x(1), "a", 1_000);
      bench.record(Map.of("x", "not a number"), "a", 2_000);
      bench.record(Map.of("y", 1L), "a", 2_000);
      bench.watermark(Long.MAX_VALUE);
      assertThat(bench.takeOutput()).extracting(r -> field(r, "n")).containsExactly(1L);
      assertThat(bench.sideOutput(OutputTag.DEAD_LETTER)).hasSize(2)
          .extracting(r -> field(r, "reason").toString())
          .anySatisfy(reason -> assertThat(reason).contains("needs a number"))
          .anySatisfy(reason -> assertThat(reason).contains("field 'x' is missing"));
    }
  }

  /** Snapshot in the middle of open windows, restore into a new operator: same output as without the failure. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void snapshotAndRestoreMidWindowGivesTheUninterruptedOutput(Supplier<StateBackend> backend) throws Exception {
    Map<String, Object> settings = settings(Map.of("type", "sliding", "size", "4s", "slide", "2s"), "1s", true);
    Random random = new Random(3);
    List<long[]> input = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      input.add(new long[] {random.nextInt(4), random.nextInt(50), i * 100L + random.nextInt(12_000)});
    }
    List<StreamRecord> uninterrupted;
    try (OperatorBench bench = bench(backend, settings, "full")) {
      feed(bench, input, 0, input.size());
      bench.watermark(Long.MAX_VALUE);
      uninterrupted = bench.takeOutput();
      uninterrupted.addAll(bench.sideOutput(OutputTag.LATE));
    }
    assertThat(uninterrupted).hasSizeGreaterThan(20);
    List<StreamRecord> resumed;
    try (FileCheckpointStore store = new FileCheckpointStore(dir.resolve("store"))) {
      OperatorBench.Checkpoint checkpoint;
      List<StreamRecord> before;
      try (OperatorBench first = bench(backend, settings, "first")) {
        feed(first, input, 0, 150);
        checkpoint = first.snapshot(1, store);
        before = first.takeOutput();
        before.addAll(first.sideOutput(OutputTag.LATE));
      }
      try (OperatorBench second = OperatorBench.restore(OperatorsForTest.windowAggregate(settings), "win", settings,
          backend.get(), dir.resolve("second"), store, checkpoint)) {
        feed(second, input, 150, input.size());
        second.watermark(Long.MAX_VALUE);
        resumed = new ArrayList<>(before);
        resumed.addAll(second.takeOutput());
        resumed.addAll(second.sideOutput(OutputTag.LATE));
      }
    }
    assertThat(resumed).containsExactlyInAnyOrderElementsOf(uninterrupted);
  }

  /** Records with a watermark every 20 records that trails the maximum seen time by 1 s (some records are late). */
  private static void feed(OperatorBench bench, List<long[]> input, int from, int to) throws Exception {
    long maxTs = Long.MIN_VALUE;
    for (int i = 0; i < to; i++) {
      long[] rec = input.get(i);
      maxTs = Math.max(maxTs, rec[2]);
      if (i >= from) {
        bench.record(x(rec[1]), "k" + rec[0], rec[2]);
        if (i % 20 == 19) {
          bench.watermark(maxTs - 1_000);
        }
      }
    }
  }
}
