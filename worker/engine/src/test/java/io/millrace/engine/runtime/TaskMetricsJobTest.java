package io.millrace.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millrace.engine.connector.CollectingSink;
import io.millrace.engine.connector.CollectionSource;
import io.millrace.engine.connector.Source;
import io.millrace.engine.connector.SourceReader;
import io.millrace.engine.connector.SourceReaderContext;
import io.millrace.engine.connector.SplitCodec;
import io.millrace.engine.runtime.checkpoint.TaskId;
import io.millrace.engine.runtime.task.TaskMetrics;
import io.millrace.engine.testing.MiniCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a task reports about itself (DESIGN.md §8.3): records in and out, its input watermark, and every node's
 * counters and gauges — the source reader's included — on a real job: {@code events (1) -> keep (filter, 2) -> out
 * (sink, chained to keep)}.
 */
class TaskMetricsJobTest {

  private static final String WATERMARK = ", watermark: {timestamp: \"value.ts\", maxOutOfOrderness: 1s}";
  private static final String SPEC_TEMPLATE = """
      apiVersion: millrace.io/v1
      kind: Pipeline
      metadata: {name: task-metrics}
      spec:
        nodes:
          - {id: events, type: kafka-source, topic: in, format: json, parallelism: 1%s}
          - {id: keep, type: filter, inputs: [events], expression: "value.k != 'k0'", parallelism: 2}
          - {id: out, type: kafka-sink, inputs: [keep], topic: out, format: json, parallelism: 2}
      """;

  private static final TaskId SOURCE = new TaskId("events", 0);
  private static final List<TaskId> FILTERS = List.of(new TaskId("keep", 0), new TaskId("keep", 1));
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void countsRecordsInAndOutExposesTheWatermarkAndEveryNodesMetrics() throws Exception {
    int n = 3_000;
    CollectionSource data = CollectionSource.of(EventTimeJobTest.events(n, 1), 1);
    data.releaseUpTo(1_000);
    AtomicLong backlog = new AtomicLong(1_234);
    CollectingSink out = new CollectingSink();
    LocalJob job = MiniCluster.forSpec(SPEC_TEMPLATE.formatted(WATERMARK))
        .source("events", new GaugedSource(data, backlog))
        .sink("out", out)
        .config(JobConfig.defaults(dir).withExchange(16, 4))
        .start();
    Map<TaskId, TaskMetrics> tasks = job.taskMetrics();
    assertThat(tasks.keySet()).containsExactlyInAnyOrder(SOURCE, FILTERS.get(0), FILTERS.get(1));
    TaskMetrics source = tasks.get(SOURCE);

    // Part of the input: the source's watermark is the newest timestamp (1_000_000 + 999) - 1 s - 1 ms, and once
    // the source idles (and flushes), each filter task's input watermark is the same.
    long expected = 1_000_999 - 1_000 - 1;
    await().atMost(WAIT).until(() -> source.recordsOut() == 1_000 && source.currentWatermark() == expected
        && FILTERS.stream().allMatch(t -> tasks.get(t).currentWatermark() == expected));
    assertThat(source.recordsIn()).isEqualTo(1_000);
    assertThat(FILTERS.stream().mapToLong(t -> tasks.get(t).recordsIn()).sum()).isEqualTo(1_000);

    // Node metrics: per task, per node id in data-flow order; the reader's gauge is read when asked.
    Map<TaskId, Map<String, Map<String, Long>>> nodes = job.nodeMetrics();
    assertThat(nodes.get(SOURCE)).containsOnlyKeys("events");
    assertThat(nodes.get(SOURCE).get("events")).containsEntry("test.backlog", 1_234L)
        .hasEntrySatisfying("test.polls", polls -> assertThat(polls).isPositive());
    assertThat(nodes.get(FILTERS.get(0)).keySet()).containsExactly("keep", "out");
    assertThat(nodes.get(FILTERS.get(0)).get("out")).containsEntry("records-failed", 0L);
    backlog.set(7);
    assertThat(job.nodeMetrics().get(SOURCE).get("events")).containsEntry("test.backlog", 7L);

    data.releaseAll();
    job.result().get(60, TimeUnit.SECONDS);

    long kept = EventTimeJobTest.events(n, 1).stream().filter(e -> !"k0".equals(((Map<?, ?>) e).get("k"))).count();
    assertThat(out.committed()).hasSize((int) kept);
    assertThat(source.recordsIn()).isEqualTo(n);
    assertThat(source.recordsOut()).as("every record left the source task through its exchange").isEqualTo(n);
    assertThat(FILTERS.stream().mapToLong(t -> tasks.get(t).recordsIn()).sum()).isEqualTo(n);
    assertThat(FILTERS.stream().mapToLong(t -> tasks.get(t).recordsOut()).sum())
        .as("the chained sink wrote only the records the filter kept").isEqualTo(kept);
    // End of input: the final watermark.
    assertThat(source.currentWatermark()).isEqualTo(Long.MAX_VALUE);
    assertThat(FILTERS).allSatisfy(t -> assertThat(tasks.get(t).currentWatermark()).isEqualTo(Long.MAX_VALUE));
  }

  @Test
  void withoutEventTimeNoTaskHasAWatermarkUntilTheInputEnds() throws Exception {
    CollectionSource data = CollectionSource.of(EventTimeJobTest.events(100, 1), 1);
    data.releaseUpTo(10);
    CollectingSink out = new CollectingSink();
    LocalJob job = MiniCluster.forSpec(SPEC_TEMPLATE.formatted(""))
        .source("events", data)
        .sink("out", out)
        .config(JobConfig.defaults(dir).withExchange(16, 4))
        .start();
    Map<TaskId, TaskMetrics> tasks = job.taskMetrics();
    await().atMost(WAIT).until(() -> FILTERS.stream().mapToLong(t -> tasks.get(t).recordsIn()).sum() == 10);
    assertThat(tasks.values()).allSatisfy(m -> assertThat(m.currentWatermark()).isEqualTo(TaskMetrics.NO_WATERMARK));
    data.releaseAll();
    job.result().get(60, TimeUnit.SECONDS);
    assertThat(tasks.values()).allSatisfy(m -> assertThat(m.currentWatermark()).isEqualTo(Long.MAX_VALUE));
  }

  /** Wraps a source: each reader registers a gauge and counts its polls, as a Kafka reader registers its lag. */
  private record GaugedSource(CollectionSource data, AtomicLong backlog) implements Source<CollectionSource.Split> {

    @Override
    public List<CollectionSource.Split> discoverSplits() {
      return data.discoverSplits();
    }

    @Override
    public SourceReader<CollectionSource.Split> createReader(SourceReaderContext context) {
      context.metrics().gauge("test.backlog", backlog::get);
      var polls = context.metrics().counter("test.polls");
      SourceReader<CollectionSource.Split> real = data.createReader(context);
      return new SourceReader<>() {
        @Override
        public void addSplits(List<CollectionSource.Split> splits) {
          real.addSplits(splits);
        }

        @Override
        public io.millrace.engine.connector.InputStatus pollNext(io.millrace.engine.connector.ReaderOutput output)
            throws Exception {
          polls.inc();
          return real.pollNext(output);
        }

        @Override
        public List<CollectionSource.Split> snapshotState(long checkpointId) {
          return real.snapshotState(checkpointId);
        }
      };
    }

    @Override
    public SplitCodec<CollectionSource.Split> splitCodec() {
      return data.splitCodec();
    }

    @Override
    public boolean bounded() {
      return true;
    }
  }
}
