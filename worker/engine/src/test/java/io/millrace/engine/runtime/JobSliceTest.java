package io.millrace.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.connector.CollectingSink;
import io.millrace.engine.connector.CollectionSource;
import io.millrace.engine.operators.OperatorFactory;
import io.millrace.engine.runtime.checkpoint.CompletedCheckpoint;
import io.millrace.engine.runtime.checkpoint.TaskId;
import io.millrace.engine.runtime.network.ChannelMetrics;
import io.millrace.engine.runtime.network.LoopbackExchange;
import io.millrace.engine.state.heap.HeapStateBackend;
import io.millrace.engine.testing.MiniCluster;
import io.millrace.spec.plan.OperatorChain;
import io.millrace.spec.plan.PhysicalPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A keyed windowed job split over two (or three) {@link JobSlice}s in one JVM, wired by the in-memory
 * {@link LoopbackExchange} with real batch encoding and credits; this test plays the control plane
 * ({@link SliceCoordinator}). The output must equal the same job on {@link LocalJob}, also across a failure
 * (restore from a checkpoint: exactly once) and a rescale (savepoint at 2, restore at 3).
 */
class JobSliceTest {

  static final int PER_SPLIT = 600;
  static final long BASE = 1_700_000_000_000L;

  @TempDir Path dir;

  final String jobId = UUID.randomUUID().toString();

  static String spec(int parallelism) {
    return """
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: slice-counts}
        spec:
          parallelism: %d
          nodes:
            - {id: events, type: kafka-source, topic: in, format: json, watermark: {timestamp: value.time, maxOutOfOrderness: 1s}}
            - id: counts
              type: window-aggregate
              inputs: [events]
              keyBy: "value.key"
              window: {type: tumbling, size: 5s}
              aggregates: [{name: count, fn: count}]
            - {id: out, type: kafka-sink, inputs: [counts], topic: out, format: json}
        """.formatted(parallelism);
  }

  /** Two splits covering the same 30 s of event time, each in timestamp order (no late records). */
  static CollectionSource source() {
    List<CollectionSource.Element> elements = new ArrayList<>();
    for (int s = 0; s < 2; s++) {
      for (int j = 0; j < PER_SPLIT; j++) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("key", "k" + ((j * 3 + s) % 7));
        event.put("seq", (long) (s * PER_SPLIT + j));
        event.put("time", BASE + j * 50L);
        elements.add(new CollectionSource.Element(event, BASE + j * 50L));
      }
    }
    return CollectionSource.ofElements(elements, 2);
  }

  /** key@windowStart=count, each window once. */
  static Map<String, Long> windows(CollectingSink sink) {
    Map<String, Long> counts = new HashMap<>();
    for (Object value : sink.committedValues()) {
      Map<?, ?> window = (Map<?, ?>) value;
      Long previous = counts.put(window.get("key") + "@" + window.get("windowStart"), (Long) window.get("count"));
      assertThat(previous).as("window %s emitted once", window).isNull();
    }
    return counts;
  }

  private JobConfig config(String name) {
    return JobConfig.defaults(dir.resolve(name))
        .withState(new HeapStateBackend(), new FileCheckpointStore(dir.resolve("store")));
  }

  private Map<String, Long> localRun() throws Exception {
    CollectingSink sink = new CollectingSink();
    MiniCluster.forSpec(spec(2)).operators(OperatorFactory.standard()).source("events", source()).sink("out", sink)
        .config(config("local")).start().result().get(60, TimeUnit.SECONDS);
    Map<String, Long> expected = windows(sink);
    assertThat(expected).hasSize(7 * 6); // 7 keys x 6 windows of 5 s
    assertThat(expected.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2L * PER_SPLIT);
    return expected;
  }

  /** One attempt of the job: its slices, its coordinator, its exchange. */
  final class Attempt implements AutoCloseable {
    final PhysicalPlan plan;
    final Map<TaskId, String> placement = new LinkedHashMap<>();
    final SliceCoordinator coordinator;
    final LoopbackExchange exchange = new LoopbackExchange();
    final List<JobSlice> slices = new ArrayList<>();

    Attempt(long attempt, int parallelism, List<String> workers, CollectionSource source, CollectingSink sink,
        CompletedCheckpoint restoreFrom) throws Exception {
      this.plan = MiniCluster.compile(spec(parallelism));
      Set<TaskId> sources = new HashSet<>();
      for (OperatorChain chain : plan.chains()) {
        for (int i = 0; i < chain.parallelism(); i++) {
          TaskId task = new TaskId(chain.id(), i);
          placement.put(task, workers.get(i % workers.size()));
          if (TaskGraphBuilder.isSource(plan.graph(), chain.id())) {
            sources.add(task);
          }
        }
      }
      coordinator = new SliceCoordinator(placement.keySet(), sources, restoreFrom == null ? 1 : restoreFrom.id() + 1);
      Map<String, String> addresses = workers.stream().collect(Collectors.toMap(w -> w, w -> "mem://" + w));
      for (String worker : workers) {
        JobSlice slice = JobSlice.create(new SliceSpec(jobId, attempt, plan, placement, addresses, worker,
            new Connectors(Map.of("events", source), Map.of("out", sink)), OperatorFactory.standard(),
            config(worker + "-" + attempt), restoreFrom, restoreFrom != null && worker.equals(workers.get(0)),
            exchange, coordinator));
        slices.add(slice);
        coordinator.add(slice);
      }
      for (JobSlice slice : slices) {
        slice.start();
      }
    }

    long sourceRecords() {
      return slices.stream().flatMap(s -> s.taskMetrics().entrySet().stream())
          .filter(e -> e.getKey().chain().equals("events")).mapToLong(e -> e.getValue().recordsIn()).sum();
    }

    void cancel() throws InterruptedException {
      slices.forEach(JobSlice::cancel);
      for (JobSlice slice : slices) {
        slice.ended().orTimeout(30, TimeUnit.SECONDS).join();
      }
    }

    @Override
    public void close() throws InterruptedException {
      for (JobSlice slice : slices) {
        slice.close();
      }
      exchange.join(10_000);
    }
  }

  @Test
  void aJobOverTwoSlicesGivesTheSameOutputAsOneProcess() throws Exception {
    Map<String, Long> expected = localRun();
    CollectingSink sink = new CollectingSink();
    try (Attempt attempt = new Attempt(1, 2, List.of("worker-a", "worker-b"), source(), sink, null)) {
      assertThat(attempt.slices.get(0).localTasks()).containsExactlyInAnyOrder(
          new TaskId("events", 0), new TaskId("counts", 0));
      // the HASH edge crosses workers: events#0 -> counts#1 and events#1 -> counts#0
      assertThat(attempt.exchange.outboundKeys()).hasSize(2);
      attempt.coordinator.allFinished.get(60, TimeUnit.SECONDS);
      assertThat(attempt.coordinator.running).containsExactlyInAnyOrderElementsOf(attempt.placement.keySet());
      assertThat(attempt.exchange.frames()).isPositive();
      List<ChannelMetrics> metrics = attempt.slices.get(0).channelMetrics();
      assertThat(metrics).hasSize(2).anyMatch(ChannelMetrics::outbound).anyMatch(m -> !m.outbound());
      assertThat(attempt.slices.get(0).outboundChannels()).allMatch(o -> o.drained());
    }
    assertThat(windows(sink)).isEqualTo(expected);
    assertThat(sink.preparedTransactions()).isZero();
  }

  @Test
  void slicesRestoredAfterAFailureCommitExactlyTheFailureFreeOutput() throws Exception {
    Map<String, Long> expected = localRun();
    CollectionSource source = source();
    CollectingSink sink = new CollectingSink();
    source.releaseUpTo(200);
    CompletedCheckpoint checkpoint;
    try (Attempt first = new Attempt(1, 2, List.of("worker-a", "worker-b"), source, sink, null)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> first.sourceRecords() == 400);
      checkpoint = first.coordinator.triggerCheckpoint().get(30, TimeUnit.SECONDS);
      assertThat(checkpoint.tasks()).hasSize(4);
      assertThat(checkpoint.operatorStateSizes()).containsEntry("events", 2);
      await().atMost(Duration.ofSeconds(30)).until(() -> sink.preparedTransactions() == 0);
      long committedAtCheckpoint = sink.committed().size();

      source.releaseUpTo(450); // windows after the checkpoint fire and are written, never committed
      await().atMost(Duration.ofSeconds(30)).until(() -> first.sourceRecords() == 900
          && sink.written() > committedAtCheckpoint);
      first.coordinator.triggerCheckpoint(); // in flight when the "worker" dies: never completes
      first.cancel();
      assertThat(sink.committed()).hasSize((int) committedAtCheckpoint);
    }

    source.releaseAll();
    try (Attempt second = new Attempt(2, 2, List.of("worker-a", "worker-b"), source, sink, checkpoint)) {
      second.coordinator.allFinished.get(60, TimeUnit.SECONDS);
    }
    assertThat(windows(sink)).isEqualTo(expected);
    assertThat(sink.preparedTransactions()).isZero();
  }

  @Test
  void aSavepointAtParallelismTwoRestoresOnThreeSlicesAtParallelismThree() throws Exception {
    Map<String, Long> expected = localRun();
    CollectionSource source = source();
    CollectingSink sink = new CollectingSink();
    source.releaseUpTo(300);
    CompletedCheckpoint savepoint;
    try (Attempt first = new Attempt(1, 2, List.of("worker-a", "worker-b"), source, sink, null)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> first.sourceRecords() == 600);
      savepoint = first.coordinator.triggerSavepoint().get(30, TimeUnit.SECONDS);
      assertThat(savepoint.savepoint()).isTrue();
      first.cancel();
    }
    source.releaseAll();
    try (Attempt rescaled = new Attempt(2, 3, List.of("worker-a", "worker-b", "worker-c"), source, sink,
        savepoint)) {
      assertThat(rescaled.slices.get(2).localTasks()).containsExactlyInAnyOrder(
          new TaskId("events", 2), new TaskId("counts", 2));
      rescaled.coordinator.allFinished.get(60, TimeUnit.SECONDS);
    }
    assertThat(windows(sink)).isEqualTo(expected);
  }

  @Test
  void aRestoreFromACheckpointWhoseStateFileWasDeletedReportsRestoreFailed() throws Exception {
    CollectionSource source = source();
    CollectingSink sink = new CollectingSink();
    source.releaseUpTo(200);
    CompletedCheckpoint checkpoint;
    try (Attempt first = new Attempt(1, 2, List.of("worker-a", "worker-b"), source, sink, null)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> first.sourceRecords() == 400);
      checkpoint = first.coordinator.triggerCheckpoint().get(30, TimeUnit.SECONDS);
      first.cancel();
    }
    Path checkpointDir = dir.resolve("store").resolve("checkpoints").resolve(jobId)
        .resolve(String.valueOf(checkpoint.id()));
    assertThat(checkpointDir).isDirectory();
    deleteRecursively(checkpointDir);

    try (Attempt second = new Attempt(2, 2, List.of("worker-a", "worker-b"), source, sink, checkpoint)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> !second.coordinator.failures.isEmpty());
      SliceCoordinator.Failure failure = second.coordinator.failures.get(0);
      assertThat(failure.restoreFailed()).isTrue();
      assertThat(failure.task().chain()).isEqualTo("counts");
      assertThat(failure.cause()).hasMessageContaining("could not restore its keyed state from checkpoint "
          + checkpoint.id());
      assertThat(second.coordinator.running).doesNotContain(failure.task());
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
