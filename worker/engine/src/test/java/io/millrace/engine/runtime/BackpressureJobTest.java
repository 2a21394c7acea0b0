package io.millrace.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millrace.engine.api.OneInputOperator;
import io.millrace.engine.api.OperatorContext;
import io.millrace.engine.api.Output;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.connector.CollectingSink;
import io.millrace.engine.connector.CollectionSource;
import io.millrace.engine.runtime.checkpoint.TaskId;
import io.millrace.engine.runtime.task.TaskMetrics;
import io.millrace.engine.testing.MiniCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A slow consumer task blocks the source task: it never runs more than the exchange's capacity ahead. */
class BackpressureJobTest {

  static final int BATCH = 8;
  static final int CAPACITY = 2;

  @TempDir Path dir;

  /** Processes one record per permit. */
  static final class Gate implements OneInputOperator {
    private final Semaphore permits;
    private final AtomicLong processed;

    Gate(Semaphore permits, AtomicLong processed) {
      this.permits = permits;
      this.processed = processed;
    }

    @Override
    public void open(OperatorContext context) {}

    @Override
    public void processRecord(StreamRecord record, Output out) throws InterruptedException {
      permits.acquire();
      processed.incrementAndGet();
      out.collect(record);
    }
  }

  @Test
  void aSlowConsumerBlocksTheProducerAndMemoryStaysBounded() throws Exception {
    String spec = """
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: slow}
        spec:
          parallelism: 1
          nodes:
            - {id: events, type: kafka-source, topic: in, format: text}
            - {id: slow, type: key-by, inputs: [events], expression: "value"}
            - {id: out, type: kafka-sink, inputs: [slow], topic: out, format: json}
        """;
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      values.add("v" + i);
    }
    Semaphore permits = new Semaphore(0);
    AtomicLong processed = new AtomicLong();
    CollectingSink out = new CollectingSink();
    LocalJob job = MiniCluster.forSpec(spec)
        .source("events", CollectionSource.of(values, 1))
        .sink("out", out)
        .operator("slow", () -> new Gate(permits, processed))
        .config(JobConfig.defaults(dir).withExchange(BATCH, CAPACITY))
        .start();
    TaskMetrics source = job.taskMetrics().get(new TaskId("events", 0));
    // queued batches + the consumer's current batch + the producer's open batch + one poll of the reader
    long bound = (long) CAPACITY * BATCH + BATCH + BATCH + 64;

    for (int round = 1; round <= 10; round++) {
      permits.release(100);
      long target = 100L * round;
      await().atMost(Duration.ofSeconds(30)).until(() -> processed.get() == target);
      assertThat(source.recordsIn()).isLessThanOrEqualTo(target + bound);
    }
    permits.release(Integer.MAX_VALUE / 2);
    job.result().get(60, TimeUnit.SECONDS);
    assertThat(out.committed()).hasSize(5000);
    assertThat(source.backpressuredNanos()).isPositive();
    assertThat(source.backpressureRatio()).isBetween(0.0, 1.0);
    // cancelled/finished tasks leave no thread behind
    await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.getName().startsWith("task-slow-")));
  }
}
