package io.millrace.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millrace.engine.connector.CollectingSink;
import io.millrace.engine.runtime.ScriptedSplitSource.AwaitClock;
import io.millrace.engine.runtime.ScriptedSplitSource.AwaitRelease;
import io.millrace.engine.runtime.ScriptedSplitSource.Emit;
import io.millrace.engine.runtime.ScriptedSplitSource.Register;
import io.millrace.engine.runtime.ScriptedSplitSource.Step;
import io.millrace.engine.testing.ManualProcessingTimeService;
import io.millrace.engine.testing.MiniCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One source subtask reading two splits at different event times: the watermark is the minimum over its non-idle splits. */
class SplitWatermarksJobTest {

  @TempDir Path dir;

  static String spec(String idle) {
    return """
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: split-watermarks}
        spec:
          parallelism: 1
          nodes:
            - {id: events, type: kafka-source, topic: in, format: json,
               watermark: {timestamp: "value.ts", maxOutOfOrderness: 1s%s}}
            - {id: by-key, type: key-by, inputs: [events], expression: "value.k", parallelism: 2}
            - {id: out, type: kafka-sink, inputs: [by-key], topic: out, format: json, parallelism: 2}
        """.formatted(idle);
  }

  @Test
  void recordsOfASplitBehindAnotherAreNotLateAndTheWatermarkIsTheMinimum() throws Exception {
    // split b is an hour ahead of split a; they are read interleaved, 100 records at a time
    List<Step> script = new ArrayList<>();
    script.add(new Register(List.of("a", "b")));
    for (int k = 0; k < 10; k++) {
      script.add(new Emit("b", 4_600_000 + k * 100, 100));
      script.add(new Emit("a", 1_000_000 + k * 100, 100));
    }
    script.add(new AwaitRelease());
    ScriptedSplitSource source = new ScriptedSplitSource(script);
    AtomicLong watermark = new AtomicLong(Long.MIN_VALUE);
    AtomicLong late = new AtomicLong();
    CollectingSink out = new CollectingSink();
    LocalJob job = MiniCluster.forSpec(spec(""))
        .source("events", source)
        .sink("out", out)
        .operator("by-key", () -> new WatermarkRecorder(watermark, late))
        .config(JobConfig.defaults(dir))
        .start();

    await().atMost(Duration.ofSeconds(30)).until(() -> out.written() == 2000);
    // split a's newest timestamp is 1_000_999: min(a, b) - 1 s - 1 ms
    await().atMost(Duration.ofSeconds(30)).until(() -> watermark.get() == 999_998);
    assertThat(late.get()).isZero();

    source.release();
    job.result().get(60, TimeUnit.SECONDS);
    assertThat(out.committed()).hasSize(2000);
    assertThat(late.get()).isZero();
    assertThat(watermark.get()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aQuietSplitHoldsTheWatermarkBackUntilItsIdleTimeoutThenTheOtherSplitLeads() throws Exception {
    ManualProcessingTimeService clock = new ManualProcessingTimeService(0);
    ScriptedSplitSource source = new ScriptedSplitSource(List.of(
        new Register(List.of("a", "b")),      // b never has a record
        new Emit("a", 1_000_000, 100),
        new AwaitClock(20_000),
        new Emit("a", 1_000_100, 100),       // a is active at 20 s, b still counts
        new AwaitRelease()));
    AtomicLong watermark = new AtomicLong(Long.MIN_VALUE);
    CollectingSink out = new CollectingSink();
    LocalJob job = MiniCluster.forSpec(spec(", idleTimeout: 30s"))
        .source("events", source)
        .sink("out", out)
        .operator("by-key", () -> new WatermarkRecorder(watermark, new AtomicLong()))
        .config(JobConfig.defaults(dir).withClock(clock))
        .start();

    await().atMost(Duration.ofSeconds(30)).until(() -> out.written() == 100);
    clock.advance(20_000);
    await().atMost(Duration.ofSeconds(30)).until(() -> out.written() == 200);
    assertThat(watermark.get()).isEqualTo(Long.MIN_VALUE); // b has produced nothing and is not idle yet

    clock.advance(15_000); // 35 s: b idle (quiet since 0 s), a not (last record at 20 s)
    await().atMost(Duration.ofSeconds(30)).until(() -> watermark.get() == 1_000_199 - 1000 - 1);

    source.release();
    job.result().get(60, TimeUnit.SECONDS);
    assertThat(out.committed()).hasSize(200);
    assertThat(watermark.get()).isEqualTo(Long.MAX_VALUE);
  }
}
