package io.millrace.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millrace.engine.connector.CollectingSink;
import io.millrace.engine.connector.CollectionSource;
import io.millrace.engine.testing.ManualProcessingTimeService;
import io.millrace.engine.testing.MiniCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watermarks generated at sources (CEL timestamp, bounded out-of-orderness), minimum over inputs, idle sources excluded. */
class EventTimeJobTest {

  @TempDir Path dir;

  static String spec(int sourceParallelism, String idle) {
    return """
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: event-time}
        spec:
          parallelism: %d
          nodes:
            - {id: events, type: kafka-source, topic: in, format: json,
               watermark: {timestamp: "value.ts", maxOutOfOrderness: 1s%s}}
            - {id: by-key, type: key-by, inputs: [events], expression: "value.k", parallelism: 2}
            - {id: out, type: kafka-sink, inputs: [by-key], topic: out, format: json, parallelism: 2}
        """.formatted(sourceParallelism, idle);
  }

  static List<Object> events(int n, long step) {
    List<Object> events = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      events.add(Map.of("ts", 1_000_000 + i * step, "k", "k" + (i % 7)));
    }
    return events;
  }

  @Test
  void noRecordIsBehindTheWatermarkWhenEachSourceIsInOrder() throws Exception {
    // two sources progressing at different event-time speeds: the minimum must hold the watermark back
    List<Object> all = new ArrayList<>(events(3000, 1));
    all.addAll(events(3000, 50));
    AtomicLong watermark = new AtomicLong(Long.MIN_VALUE);
    AtomicLong late = new AtomicLong();
    CollectingSink out = new CollectingSink();
    LocalJob job = MiniCluster.forSpec(spec(2, ""))
        .source("events", CollectionSource.of(all, 2))
        .sink("out", out)
        .operator("by-key", () -> new WatermarkRecorder(watermark, late))
        .config(JobConfig.defaults(dir).withExchange(16, 4))
        .start();
    job.result().get(60, TimeUnit.SECONDS);
    assertThat(out.committed()).hasSize(6000);
    assertThat(out.committed()).allSatisfy(r -> assertThat(r.timestamp()).isEqualTo((Long) ((Map<?, ?>) r.value()).get("ts")));
    assertThat(late.get()).isZero();
    assertThat(watermark.get()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void anIdleSourceStopsHoldingBackTheWatermarkAfterItsTimeout() throws Exception {
    ManualProcessingTimeService clock = new ManualProcessingTimeService(0);
    CollectionSource data = CollectionSource.of(events(500, 10), 1);
    StallingSource source = new StallingSource(data);
    AtomicLong watermark = new AtomicLong(Long.MIN_VALUE);
    CollectingSink out = new CollectingSink();
    LocalJob job = MiniCluster.forSpec(spec(2, ", idleTimeout: 30s"))
        .source("events", source)
        .sink("out", out)
        .operator("by-key", () -> new WatermarkRecorder(watermark, new AtomicLong()))
        .config(JobConfig.defaults(dir).withClock(clock))
        .start();
    // subtask 0 reads everything and ends; subtask 1 stays silent
    await().atMost(Duration.ofSeconds(30)).until(() -> out.written() == 500);
    assertThat(watermark.get()).isEqualTo(Long.MIN_VALUE); // the silent source holds it back

    clock.advance(30_000); // the silent source times out and says it is idle
    await().atMost(Duration.ofSeconds(30)).until(() -> watermark.get() == Long.MAX_VALUE);

    source.release();
    job.result().get(60, TimeUnit.SECONDS);
    assertThat(out.committed()).hasSize(500);
  }
}
