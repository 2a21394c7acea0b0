package io.millrace.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.connector.CollectingSink;
import io.millrace.engine.connector.CollectionSource;
import io.millrace.engine.runtime.checkpoint.CompletedCheckpoint;
import io.millrace.engine.runtime.checkpoint.CompletedCheckpointCodec;
import io.millrace.engine.state.StateBackend;
import io.millrace.engine.state.heap.HeapStateBackend;
import io.millrace.engine.state.rocksdb.RocksDbOptions;
import io.millrace.engine.state.rocksdb.RocksDbStateBackend;
import io.millrace.engine.testing.MiniCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kills a task mid-run (injected failure), restores the job from the last completed checkpoint —
 * also at another parallelism — and proves the committed output equals a failure-free run: no loss,
 * no duplicates, keyed state (running counts) carried over.
 */
class FailureRecoveryTest {

  static final int RECORDS = 1000;
  static final int SPLITS = 4;

  @TempDir Path dir;

  static String spec(int sourceParallelism, int countParallelism) {
    return """
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: counts}
        spec:
          parallelism: %d
          nodes:
            - {id: events, type: kafka-source, topic: in, format: json}
            - {id: check, type: map, inputs: [events], expression: "value"}
            - {id: by-key, type: key-by, inputs: [check], expression: "value.key", parallelism: %d}
            - {id: out, type: kafka-sink, inputs: [by-key], topic: out, format: json, parallelism: %d}
        """.formatted(sourceParallelism, countParallelism, countParallelism);
  }

  static List<Object> events() {
    List<Object> events = new ArrayList<>();
    for (long i = 0; i < RECORDS; i++) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("seq", i);
      e.put("key", "k" + (i % 13));
      events.add(e);
    }
    return events;
  }

  private MiniCluster cluster(String spec, CollectionSource source, CollectingSink sink, AtomicBoolean armed,
      String stateDir) {
    return cluster(spec, source, sink, armed, stateDir, new HeapStateBackend());
  }

  private MiniCluster cluster(String spec, CollectionSource source, CollectingSink sink, AtomicBoolean armed,
      String stateDir, StateBackend backend) {
    return MiniCluster.forSpec(spec)
        .source("events", source)
        .sink("out", sink)
        .operator("check", () -> new FailOnceMap(armed, 650))
        .operator("by-key", RunningCount::new) // key-by is keyed: it may keep keyed state
        .config(JobConfig.defaults(dir.resolve(stateDir))
            .withState(backend, new FileCheckpointStore(dir.resolve("store"))));
  }

  /** Output as a multiset of "key=count" (order across keys is not defined; per key it is). */
  static Map<String, Long> multiset(CollectingSink sink) {
    return sink.committedValues().stream()
        .map(v -> ((Map<?, ?>) v).get("key") + "=" + ((Map<?, ?>) v).get("count"))
        .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
  }

  private Map<String, Long> failureFreeRun() throws Exception {
    CollectingSink reference = new CollectingSink();
    cluster(spec(2, 2), CollectionSource.of(events(), SPLITS), reference, new AtomicBoolean(false), "ref")
        .start().result().get(60, TimeUnit.SECONDS);
    Map<String, Long> expected = multiset(reference);
    assertThat(expected).hasSize(RECORDS); // every (key, running count) exactly once
    return expected;
  }

  @ParameterizedTest(name = "restore at parallelism {0}/{1}")
  @CsvSource({"2, 2", "1, 3", "3, 1"})
  void failedJobRestoredFromLastCheckpointCommitsExactlyTheFailureFreeOutput(int sourceP, int countP)
      throws Exception {
    Map<String, Long> expected = failureFreeRun();

    CollectionSource source = CollectionSource.of(events(), SPLITS);
    CollectingSink sink = new CollectingSink();
    AtomicBoolean armed = new AtomicBoolean(true);
    source.releaseUpTo(100);
    LocalJob first = cluster(spec(2, 2), source, sink, armed, "first").start();
    await().atMost(Duration.ofSeconds(30)).until(() -> sink.written() == 400);
    CompletedCheckpoint checkpoint = first.checkpoints().triggerCheckpoint().get(30, TimeUnit.SECONDS);
    // the sink commits when the task receives the completion notification (asynchronously)
    await().atMost(Duration.ofSeconds(30)).until(() -> sink.committed().size() == 400);

    source.releaseUpTo(200); // the record with seq 650 (split 2, offset 150) fails the job
    assertThatThrownBy(() -> first.result().get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(JobFailedException.class)
        .hasMessageContaining("injected failure at seq 650")
        .cause().isInstanceOf(FailOnceMap.InjectedFailure.class);
    first.close();
    // the other tasks were cancelled cleanly: no task thread of the failed job is left
    await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.getName().startsWith("task-counts-") && t.isAlive()));
    assertThat(first.checkpoints().latestCompleted()).contains(checkpoint);
    assertThat(sink.committed()).hasSize(400); // the transactions after checkpoint 1 were never committed

    source.releaseAll();
    LocalJob restored = cluster(spec(sourceP, countP), source, sink, armed, "second").restore(checkpoint);
    restored.result().get(60, TimeUnit.SECONDS);

    assertThat(multiset(sink)).isEqualTo(expected);
    assertThat(sink.preparedTransactions()).isZero();
  }

  @Test
  void savepointRestoresAtAnotherParallelism() throws Exception {
    Map<String, Long> expected = failureFreeRun();
    CollectionSource source = CollectionSource.of(events(), SPLITS);
    CollectingSink sink = new CollectingSink();
    source.releaseUpTo(120);
    LocalJob first = cluster(spec(2, 2), source, sink, new AtomicBoolean(false), "first").start();
    await().atMost(Duration.ofSeconds(30)).until(() -> sink.written() == 480);
    CompletedCheckpoint savepoint = first.checkpoints().triggerSavepoint().get(30, TimeUnit.SECONDS);
    assertThat(savepoint.savepoint()).isTrue();
    first.cancel();
    assertThatThrownBy(() -> first.result().get(30, TimeUnit.SECONDS))
        .isInstanceOf(java.util.concurrent.CancellationException.class);

    // restore from the savepoint's stored metadata, as another process would
    CompletedCheckpoint stored = CompletedCheckpointCodec.read(new FileCheckpointStore(dir.resolve("store")),
        CompletedCheckpointCodec.metadataPath("counts", savepoint.id(), true));
    assertThat(stored.operatorStateSizes()).isEqualTo(savepoint.operatorStateSizes());
    source.releaseAll();
    cluster(spec(1, 4), source, sink, new AtomicBoolean(false), "second").restore(stored)
        .result().get(60, TimeUnit.SECONDS);
    assertThat(multiset(sink)).isEqualTo(expected);
  }

  @Test
  void withRocksDbStateAFailedJobRestoredAtAnotherParallelismAlsoCommitsExactlyTheFailureFreeOutput()
      throws Exception {
    Map<String, Long> expected = failureFreeRun();
    try (RocksDbStateBackend rocksDb = new RocksDbStateBackend(RocksDbOptions.small())) {
      CollectionSource source = CollectionSource.of(events(), SPLITS);
      CollectingSink sink = new CollectingSink();
      AtomicBoolean armed = new AtomicBoolean(true);
      source.releaseUpTo(100);
      LocalJob first = cluster(spec(2, 2), source, sink, armed, "first", rocksDb).start();
      await().atMost(Duration.ofSeconds(30)).until(() -> sink.written() == 400);
      CompletedCheckpoint checkpoint = first.checkpoints().triggerCheckpoint().get(30, TimeUnit.SECONDS);
      source.releaseUpTo(200);
      assertThatThrownBy(() -> first.result().get(30, TimeUnit.SECONDS))
          .hasRootCauseInstanceOf(FailOnceMap.InjectedFailure.class);
      first.close();
      assertThat(checkpoint.tasks()).anySatisfy(t -> assertThat(t.keyedState().backendKind()).isEqualTo("rocksdb"));

      source.releaseAll();
      cluster(spec(1, 3), source, sink, armed, "second", rocksDb).restore(checkpoint)
          .result().get(60, TimeUnit.SECONDS);
      assertThat(multiset(sink)).isEqualTo(expected);
    }
  }
}
