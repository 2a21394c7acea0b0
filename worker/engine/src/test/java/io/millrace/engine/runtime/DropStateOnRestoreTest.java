package io.millrace.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.connector.CollectingSink;
import io.millrace.engine.connector.CollectionSource;
import io.millrace.engine.operators.OperatorFactory;
import io.millrace.engine.operators.TestBackends;
import io.millrace.engine.operators.dedup.DeduplicateOperator;
import io.millrace.engine.operators.window.SlicedWindowOperator;
import io.millrace.engine.runtime.checkpoint.CompletedCheckpoint;
import io.millrace.engine.state.DroppedState;
import io.millrace.engine.state.StateBackend;
import io.millrace.engine.state.StateDrops;
import io.millrace.engine.testing.MiniCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Safe upgrades (DESIGN.md §8.1), engine side: a job is stopped with a savepoint after the first half of
 * its input, and a changed version is restored from it — dropping the state the state diff said cannot
 * be read, keeping the rest — on both backends.
 */
class DropStateOnRestoreTest {

  private static final long T0 = 1_700_000_000_000L;
  /** Records per split; two splits covering the same event time, so the watermark advances evenly. */
  private static final int PER_SPLIT = 200;
  /** Offset per split released before the savepoint. */
  private static final int BEFORE = 100;

  @TempDir Path dir;
  private final List<LocalJob> jobs = new ArrayList<>();
  private final List<StateBackend> backends = new ArrayList<>();

  static List<Supplier<StateBackend>> backends() {
    return TestBackends.all();
  }

  @AfterEach
  void stop() throws Exception {
    for (LocalJob job : jobs) {
      job.cancel();
      try {
        job.result().get(30, TimeUnit.SECONDS);
      } catch (CancellationException | ExecutionException ended) {
        // cancelled here, or failed on purpose
      }
      job.close();
    }
    backends.forEach(StateBackend::close);
  }

  private static String windowCount(String size) {
    return """
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: counts}
        spec:
          parallelism: 2
          nodes:
            - {id: in, type: kafka-source, topic: in, format: json}
            - {id: kept, type: filter, inputs: [in], expression: "value.n >= 0"}
            - {id: counts, type: window-aggregate, inputs: [kept], keyBy: "value.user",
               window: {type: tumbling, size: %s}, aggregates: [{name: count, fn: count}]}
            - {id: out, type: kafka-sink, inputs: [counts], topic: out, format: json}
        """.formatted(size);
  }

  /** Element i of split s: user u(i % 4), n = i, event time T0 + i × 100 ms (both splits alike). */
  private static List<CollectionSource.Element> elements(int fromOffset) {
    List<CollectionSource.Element> all = new ArrayList<>();
    for (int split = 0; split < 2; split++) {
      for (int i = fromOffset; i < PER_SPLIT; i++) {
        all.add(new CollectionSource.Element(Map.of("user", "u" + (i % 4), "n", (long) i, "id", (long) (i % 50)),
            T0 + i * 100L));
      }
    }
    return all;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void windowSizeChangedWithItsSlicesDroppedCountsLikeAFreshRunOverTheRestOfTheInput(Supplier<StateBackend> backend)
      throws Exception {
    // The restored job commits into the sink of the old one (a sink commits its own pre-committed output).
    CollectingSink out = new CollectingSink();
    CompletedCheckpoint savepoint = savepointAfterFirstHalf(windowCount("5s"), backend, "old", out);
    int beforeRestore = out.committedValues().size();

    CollectionSource rest = CollectionSource.ofElements(elements(0), 2);
    LocalJob upgraded = track(cluster(windowCount("2s"), backend, "upgraded", rest, out)
        .restore(savepoint.withDroppedState(StateDrops.of(new DroppedState("counts", SlicedWindowOperator.SLICE_STATE)))));
    upgraded.result().get(60, TimeUnit.SECONDS);
    List<Object> restored = out.committedValues().subList(beforeRestore, out.committedValues().size());

    CollectingSink fresh = new CollectingSink();
    track(cluster(windowCount("2s"), backend, "fresh", CollectionSource.ofElements(elements(BEFORE), 2), fresh)
        .start()).result().get(60, TimeUnit.SECONDS);

    assertThat(windows(fresh.committedValues())).as("fresh run over the records after the savepoint").hasSize(4 * 5);
    assertThat(windows(restored)).isEqualTo(windows(fresh.committedValues()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void windowSizeChangedWithoutDroppingItsSlicesFailsNamingTheStateAndTheFix(Supplier<StateBackend> backend)
      throws Exception {
    CollectingSink out = new CollectingSink();
    CompletedCheckpoint savepoint = savepointAfterFirstHalf(windowCount("5s"), backend, "old", out);

    LocalJob upgraded = track(cluster(windowCount("2s"), backend, "upgraded",
        CollectionSource.ofElements(elements(0), 2), out).restore(savepoint));

    assertThatThrownBy(() -> upgraded.result().get(60, TimeUnit.SECONDS))
        .rootCause()
        .hasMessageContaining("state 'slice-accumulators' of node 'counts'")
        .hasMessageContaining("layout 'windows 5000 ms every 5000 ms; aggregates count'")
        .hasMessageContaining("layout 'windows 2000 ms every 2000 ms; aggregates count'")
        .hasMessageContaining("Confirm dropping it");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void filterChangedUpstreamKeepsCountingWhereItWas(Supplier<StateBackend> backend) throws Exception {
    CollectingSink out = new CollectingSink();
    CompletedCheckpoint savepoint = savepointAfterFirstHalf(windowCount("1h"), backend, "old", out);

    String evenOnly = windowCount("1h").replace("value.n >= 0", "value.n % 2 == 0");
    track(cluster(evenOnly, backend, "upgraded", CollectionSource.ofElements(elements(0), 2), out)
        .restore(savepoint)).result().get(60, TimeUnit.SECONDS);

    // Kept state: every record before the savepoint counts; after it, only what the new filter passes.
    Map<String, Long> expected = new TreeMap<>();
    for (CollectionSource.Element e : elements(0)) {
      Map<?, ?> value = (Map<?, ?>) e.value();
      long n = (Long) value.get("n");
      if (n < BEFORE || n % 2 == 0) {
        expected.merge(value.get("user") + "@" + (T0 - Math.floorMod(T0, 3_600_000L)), 1L, Long::sum);
      }
    }
    assertThat(windows(out)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void deduplicateDroppedByNameStartsEmptyWhileTheWindowKeepsItsCounts(Supplier<StateBackend> backend)
      throws Exception {
    String spec = """
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: two-stateful}
        spec:
          parallelism: 2
          nodes:
            - {id: in, type: kafka-source, topic: in, format: json}
            - {id: unique, type: deduplicate, inputs: [in], keyBy: "value.id", ttl: 1h}
            - {id: counts, type: window-aggregate, inputs: [in], keyBy: "value.user",
               window: {type: tumbling, size: 1h}, aggregates: [{name: count, fn: count}]}
            - {id: out, type: kafka-sink, inputs: [unique], topic: out, format: json}
            - {id: totals, type: kafka-sink, inputs: [counts], topic: totals, format: json}
        """;
    CollectingSink unique = new CollectingSink();
    CollectingSink totals = new CollectingSink();
    CollectionSource source = CollectionSource.ofElements(elements(0), 2);
    source.releaseUpTo(BEFORE);
    LocalJob old = track(clusterOf(spec, backend, "old", source, Map.of("out", unique, "totals", totals)).start());
    CompletedCheckpoint savepoint = stopWithSavepoint(old);
    assertThat(ids(unique)).as("ids 0..49 deduplicated before the savepoint").hasSize(50);

    source.releaseAll();
    int uniqueBefore = unique.committedValues().size();
    track(clusterOf(spec, backend, "upgraded", source, Map.of("out", unique, "totals", totals))
        .restore(savepoint.withDroppedState(StateDrops.of(new DroppedState("unique", DeduplicateOperator.SEEN_STATE)))))
        .result().get(60, TimeUnit.SECONDS);

    assertThat(ids(unique).subList(uniqueBefore, unique.committedValues().size())).as("dedup started empty: every id after the savepoint is new to it again")
        .hasSize(50).doesNotHaveDuplicates();
    assertThat(windows(totals)).as("the window kept its pre-savepoint counts").containsOnlyKeys(
        "u0@" + hour(), "u1@" + hour(), "u2@" + hour(), "u3@" + hour())
        .allSatisfy((k, count) -> assertThat(count).isEqualTo(2L * PER_SPLIT / 4));
  }

  // ------------------------------------------------------------------------------------------ helpers

  private CompletedCheckpoint savepointAfterFirstHalf(String spec, Supplier<StateBackend> backend, String name)
      throws Exception {
    return savepointAfterFirstHalf(spec, backend, name, new CollectingSink());
  }

  private CompletedCheckpoint savepointAfterFirstHalf(String spec, Supplier<StateBackend> backend, String name,
      CollectingSink out) throws Exception {
    CollectionSource source = CollectionSource.ofElements(elements(0), 2);
    source.releaseUpTo(BEFORE);
    return stopWithSavepoint(track(cluster(spec, backend, name, source, out).start()));
  }

  /** Waits until the sources read everything released, then takes a savepoint and cancels. */
  private static CompletedCheckpoint stopWithSavepoint(LocalJob job) throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(() -> job.tasks().stream()
        .filter(t -> t.id().chain().equals("in")).mapToLong(t -> t.metrics().recordsIn()).sum() == 2L * BEFORE);
    CompletedCheckpoint savepoint = job.checkpoints().triggerSavepoint().get(30, TimeUnit.SECONDS);
    job.cancel();
    try {
      job.result().get(30, TimeUnit.SECONDS);
    } catch (CancellationException expected) {
      // stopped with a savepoint
    }
    return savepoint;
  }

  private MiniCluster cluster(String spec, Supplier<StateBackend> backend, String name, CollectionSource source,
      CollectingSink out) {
    return clusterOf(spec, backend, name, source, Map.of("out", out));
  }

  private MiniCluster clusterOf(String spec, Supplier<StateBackend> backend, String name, CollectionSource source,
      Map<String, CollectingSink> sinks) {
    StateBackend state = backend.get();
    backends.add(state);
    MiniCluster cluster = MiniCluster.forSpec(spec).operators(OperatorFactory.standard()).source("in", source)
        .config(JobConfig.defaults(dir.resolve(name)).withState(state, new FileCheckpointStore(dir.resolve("store"))));
    sinks.forEach(cluster::sink);
    return cluster;
  }

  private LocalJob track(LocalJob job) {
    jobs.add(job);
    return job;
  }

  private static long hour() {
    return T0 - Math.floorMod(T0, 3_600_000L);
  }

  /** key@windowStart → count; each window emitted once. */
  private static Map<String, Long> windows(CollectingSink sink) {
    return windows(sink.committedValues());
  }

  private static Map<String, Long> windows(List<Object> values) {
    Map<String, Long> counts = new TreeMap<>();
    for (Object value : values) {
      Map<?, ?> window = (Map<?, ?>) value;
      Object previous = counts.put(window.get("key") + "@" + millis(window.get("windowStart")),
          ((Number) window.get("count")).longValue());
      assertThat(previous).as("window %s emitted once", window).isNull();
    }
    return counts;
  }

  private static List<Object> ids(CollectingSink sink) {
    return sink.committedValues().stream().<Object>map(v -> ((Map<?, ?>) v).get("id")).toList();
  }

  private static long millis(Object time) {
    return time instanceof Instant instant ? instant.toEpochMilli() : ((Number) time).longValue();
  }
}
