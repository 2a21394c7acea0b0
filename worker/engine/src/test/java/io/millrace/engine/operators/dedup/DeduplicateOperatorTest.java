package io.millrace.engine.operators.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.operators.OperatorBench;
import io.millrace.engine.operators.OperatorFactory;
import io.millrace.engine.operators.TestBackends;
import io.millrace.engine.state.StateBackend;
import io.millrace.spec.plan.JobVertex;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeduplicateOperatorTest {

  @TempDir
  Path dir;

  private static final Map<String, Object> SETTINGS = Map.of("keyBy", "string(value.id)", "ttl", "1h");

  static List<Supplier<StateBackend>> backends() {
    return TestBackends.all();
  }

  private static io.millrace.engine.api.StreamOperator operator() {
    return OperatorFactory.standard().create(new JobVertex("dedup", "deduplicate", 1, true, SETTINGS));
  }

  private static Map<String, Object> payment(long id, String note) {
    return Map.of("id", id, "note", note);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void firstRecordPassesDuplicatesWithinTtlAreDroppedAndTheKeyExpires(Supplier<StateBackend> backend) throws Exception {
    long hour = 3_600_000;
    try (OperatorBench bench = OperatorBench.open(operator(), "dedup", SETTINGS, backend.get(), dir.resolve("b"))) {
      bench.record(payment(1, "first"), "1", 0);
      bench.record(payment(1, "dup"), "1", hour - 1);
      bench.record(payment(2, "other key"), "2", 10);
      bench.record(payment(1, "after ttl"), "1", hour); // exactly ttl later: a new period
      bench.record(payment(1, "dup of new period"), "1", hour + 5);
      assertThat(bench.takeOutput()).extracting(r -> ((Map<?, ?>) r.value()).get("note").toString())
          .containsExactly("first", "other key", "after ttl");
      assertThat(bench.counter("duplicates-dropped")).isEqualTo(2);
      bench.watermark(2 * hour + 5); // every period ended: state and timers are gone
      assertThat(bench.timerCount()).isZero();
      bench.record(payment(2, "key 2 again"), "2", 2 * hour + 6);
      assertThat(bench.takeOutput()).hasSize(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void computesTheKeyWhenTheRecordArrivesWithout(Supplier<StateBackend> backend) throws Exception {
    try (OperatorBench bench = OperatorBench.open(operator(), "dedup", SETTINGS, backend.get(), dir.resolve("b"))) {
      bench.record(payment(5, "a"), null, 0);
      bench.record(payment(5, "b"), null, 1);
      assertThat(bench.takeOutput()).extracting(StreamRecord::value).containsExactly(payment(5, "a"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void rememberedKeysSurviveARestore(Supplier<StateBackend> backend) throws Exception {
    try (FileCheckpointStore store = new FileCheckpointStore(dir.resolve("store"))) {
      OperatorBench.Checkpoint checkpoint;
      try (OperatorBench first = OperatorBench.open(operator(), "dedup", SETTINGS, backend.get(), dir.resolve("first"))) {
        first.record(payment(1, "first"), "1", 1_000);
        checkpoint = first.snapshot(3, store);
      }
      try (OperatorBench second = OperatorBench.restore(operator(), "dedup", SETTINGS, backend.get(), dir.resolve("second"), store,
          checkpoint)) {
        second.record(payment(1, "replayed duplicate"), "1", 2_000);
        second.record(payment(3, "new"), "3", 2_000);
        assertThat(second.takeOutput()).extracting(r -> ((Map<?, ?>) r.value()).get("note").toString()).containsExactly("new");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void recordsWithoutEventTimeUseProcessingTime(Supplier<StateBackend> backend) throws Exception {
    try (OperatorBench bench = OperatorBench.open(operator(), "dedup", SETTINGS, backend.get(), dir.resolve("b"))) {
      bench.record(payment(1, "a"), "1", StreamRecord.NO_TIMESTAMP);
      bench.processingTime(3_599_999);
      bench.record(payment(1, "dup"), "1", StreamRecord.NO_TIMESTAMP);
      bench.processingTime(3_600_000); // the cleanup timer fires and forgets the key
      assertThat(bench.timerCount()).isZero();
      bench.record(payment(1, "b"), "1", StreamRecord.NO_TIMESTAMP);
      assertThat(bench.takeOutput()).extracting(r -> ((Map<?, ?>) r.value()).get("note").toString()).containsExactly("a", "b");
    }
  }
}
