package io.millrace.engine.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.engine.testing.MiniCluster;
import io.millrace.spec.plan.PhysicalPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewRunnerTest {

  @TempDir Path dir;

  static final PreviewLimits LIMITS = new PreviewLimits(100, Duration.ofSeconds(30), 20);

  /** filter + map + keyed tumbling window, parallelism 2 in the spec; a file sink and a kafka sink. */
  String spec(Path fileSinkDir) {
    return """
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: orders-preview}
        spec:
          parallelism: 2
          nodes:
            - id: orders
              type: kafka-source
              topic: orders
              format: json
              watermark: {timestamp: "value.ts", maxOutOfOrderness: 1s}
            - {id: big, type: filter, inputs: [orders], expression: "value.amount > 10"}
            - {id: shaped, type: map, inputs: [big], expression: "{'user': value.user, 'amount': value.amount * 2}"}
            - {id: totals, type: window-aggregate, inputs: [big], keyBy: "value.user",
               window: {type: tumbling, size: 10s}, aggregates: [{name: n, fn: count}, {name: total, fn: sum, field: amount}]}
            - {id: out, type: kafka-sink, inputs: [totals], topic: totals}
            - {id: files, type: file-sink, inputs: [shaped], path: "%s"}
        """.formatted(fileSinkDir);
  }

  static String order(String user, Object amount, long ts) {
    String value = amount instanceof String s ? "\"" + s + "\"" : String.valueOf(amount);
    return "{\"user\":\"" + user + "\",\"amount\":" + value + ",\"ts\":" + ts + "}";
  }

  PreviewOutcome run(PhysicalPlan plan, Map<String, List<String>> samples, PreviewLimits limits) throws Exception {
    return new PreviewRunner(dir.resolve("work")).run(new PreviewRequest("p1", plan, samples, limits));
  }

  @Test
  void everyNodeOutputIsCapturedExactlyAndWindowsCloseAtTheEndOfTheSamples() throws Exception {
    Path files = Files.createDirectories(dir.resolve("file-sink"));
    List<String> samples = List.of(
        order("ann", 5, 1_000),
        order("ann", 20, 2_000),
        order("bob", 30, 3_000),
        order("ann", 40, 12_000));

    PreviewOutcome outcome = run(MiniCluster.compile(spec(files)), Map.of("orders", samples), LIMITS);

    assertThat(outcome.errors()).isEmpty();
    assertThat(outcome.limitHit()).isFalse();
    assertThat(outcome.nodes().get("orders").records()).containsExactlyElementsOf(samples);
    assertThat(outcome.nodes().get("big").records()).containsExactly(
        order("ann", 20, 2_000), order("bob", 30, 3_000), order("ann", 40, 12_000));
    assertThat(outcome.nodes().get("shaped").records()).containsExactly(
        "{\"user\":\"ann\",\"amount\":40}", "{\"user\":\"bob\",\"amount\":60}",
        "{\"user\":\"ann\",\"amount\":80}");
    // Windows [0,10s) and [10s,20s): the last one only closes with the final watermark at the end of the samples.
    assertThat(outcome.nodes().get("totals").records()).containsExactlyInAnyOrder(
        window("ann", 0, 1, 20), window("bob", 0, 1, 30), window("ann", 10_000, 1, 40));
    assertThat(outcome.nodes().get("out").records())
        .containsExactlyInAnyOrderElementsOf(outcome.nodes().get("totals").records());
    assertThat(outcome.nodes().get("files").count()).isEqualTo(3);
    assertThat(outcome.nodes().get("orders").count()).isEqualTo(4);
    assertThat(outcome.nodes().values()).noneMatch(PreviewOutcome.NodeOutput::truncated);
    try (Stream<Path> written = Files.list(files)) {
      assertThat(written).as("a preview never writes through a sink").isEmpty();
    }
    try (Stream<Path> left = Files.list(dir.resolve("work"))) {
      assertThat(left).as("the preview's state directory is deleted").isEmpty();
    }
  }

  static String window(String user, long start, long n, long total) {
    return "{\"key\":\"" + user + "\",\"windowStart\":\"" + java.time.Instant.ofEpochMilli(start)
        + "\",\"windowEnd\":\"" + java.time.Instant.ofEpochMilli(start + 10_000) + "\",\"n\":" + n
        + ",\"total\":" + total + "}";
  }

  @Test
  void aFailingExpressionShowsOnItsNodeAndTheOtherRecordsStillFlow() throws Exception {
    Path files = Files.createDirectories(dir.resolve("file-sink"));
    List<String> samples = List.of(order("ann", 20, 1_000), order("bob", "lots", 2_000), order("cid", 50, 3_000));

    PreviewOutcome outcome = run(MiniCluster.compile(spec(files)), Map.of("orders", samples), LIMITS);

    assertThat(outcome.errors()).hasSize(1);
    assertThat(outcome.errors().get(0).nodeId()).isEqualTo("big");
    assertThat(outcome.errors().get(0).message()).isNotBlank();
    assertThat(outcome.deadLetters()).hasSize(1);
    assertThat(outcome.deadLetters().get(0)).contains("\"node\":\"big\"");
    assertThat(outcome.nodes().get("big.dead-letter").count()).isEqualTo(1);
    assertThat(outcome.nodes().get("big").records()).containsExactly(order("ann", 20, 1_000), order("cid", 50, 3_000));
  }

  @Test
  void recordsBeyondTheLimitAreCountedNotReturned() throws Exception {
    Path files = Files.createDirectories(dir.resolve("file-sink"));
    List<String> samples = java.util.stream.IntStream.range(0, 7).mapToObj(i -> order("u" + i, 100 + i, i)).toList();

    PreviewOutcome outcome = run(MiniCluster.compile(spec(files)), Map.of("orders", samples),
        new PreviewLimits(3, Duration.ofSeconds(30), 0));

    PreviewOutcome.NodeOutput big = outcome.nodes().get("big");
    assertThat(big.count()).isEqualTo(7);
    assertThat(big.truncated()).isTrue();
    assertThat(big.records()).containsExactlyElementsOf(samples.subList(0, 3));
  }

  @Test
  void aKafkaSourceWithoutSamplesIsRefusedBeforeAnythingRuns() {
    PhysicalPlan plan = MiniCluster.compile(spec(dir.resolve("never")));

    assertThatThrownBy(() -> run(plan, Map.of(), LIMITS))
        .isInstanceOf(PreviewException.class)
        .hasMessageContaining("upload samples for node orders (kafka-source)")
        .extracting(e -> ((PreviewException) e).nodeId()).isEqualTo("orders");
    assertThat(dir.resolve("never")).doesNotExist();
  }

  @Test
  void samplesForANodeThatIsNoSourceAreRefusedNamingTheSources() {
    PhysicalPlan plan = MiniCluster.compile(spec(dir.resolve("never")));

    assertThatThrownBy(() -> run(plan, Map.of("orders", List.of(), "big", List.of("{}")), LIMITS))
        .isInstanceOf(PreviewException.class)
        .hasMessageContaining("'big', which is not a source node")
        .hasMessageContaining("orders");
  }

  @Test
  void malformedSampleJsonIsLocated() {
    PhysicalPlan plan = MiniCluster.compile(spec(dir.resolve("never")));

    assertThatThrownBy(() -> run(plan, Map.of("orders", List.of(order("a", 1, 1), "{\"user\": }")), LIMITS))
        .isInstanceOf(PreviewException.class)
        .hasMessageContaining("sample record 1 of node 'orders'")
        .hasMessageContaining("line 1, column");
  }

  @Test
  void aDatagenSourceWithoutSamplesGeneratesABoundedNumberOfRecords() throws Exception {
    PhysicalPlan plan = MiniCluster.compile("""
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: gen}
        spec:
          nodes:
            - {id: gen, type: datagen-source, generator: fields, fields: [{name: id, kind: sequence}]}
            - {id: even, type: filter, inputs: [gen], expression: "value.id % 2 == 0"}
            - {id: out, type: kafka-sink, inputs: [even], topic: t}
        """);

    PreviewOutcome outcome = run(plan, Map.of(), new PreviewLimits(100, Duration.ofSeconds(30), 10));

    assertThat(outcome.nodes().get("gen").count()).isEqualTo(10);
    assertThat(outcome.nodes().get("even").count()).isEqualTo(5);
    assertThat(outcome.nodes().get("out").count()).isEqualTo(5);
  }

  @Test
  void theTimeLimitCancelsAnEndlessPreviewAndReturnsWhatItCaptured() throws Exception {
    PhysicalPlan plan = MiniCluster.compile("""
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: endless}
        spec:
          nodes:
            - {id: gen, type: datagen-source, generator: fields, fields: [{name: id, kind: sequence}]}
            - {id: out, type: kafka-sink, inputs: [gen], topic: t}
        """);

    PreviewOutcome outcome = run(plan, Map.of(), new PreviewLimits(5, Duration.ofMillis(300), 100_000_000));

    assertThat(outcome.limitHit()).isTrue();
    assertThat(outcome.nodes().get("gen").count()).isPositive();
    assertThat(outcome.nodes().get("gen").records()).hasSize(5);
    assertThat(outcome.errors()).isEmpty();
  }
}
