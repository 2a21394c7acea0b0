package io.millrace.spec.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.spec.expr.FieldType;
import io.millrace.spec.expr.RecordType;
import io.millrace.spec.parse.Format;
import io.millrace.spec.plan.ChainEdge;
import io.millrace.spec.plan.JobEdge;
import io.millrace.spec.plan.JobGraph;
import io.millrace.spec.plan.KeyGroupRange;
import io.millrace.spec.plan.OperatorChain;
import io.millrace.spec.plan.Partitioning;
import io.millrace.spec.plan.PhysicalPlan;
import io.millrace.spec.plan.PlanCodec;
import io.millrace.spec.plan.PlanPrinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SpecCompilerTest {

  static final SpecCompiler COMPILER = SpecCompiler.standard();

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("examples"))) {
      return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
          .sorted().toList().stream();
    }
  }

  static PhysicalPlan compile(String yaml) {
    CompilationResult result = COMPILER.compile(yaml, Format.YAML);
    assertThat(result.validation().errors()).as("spec errors").isEmpty();
    return result.plan().orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyExampleCompilesToAPlanThatRoundTrips(Path example) throws Exception {
    CompilationResult result = COMPILER.compile(Files.readString(example),
        Format.fromFileName(example.getFileName().toString()));

    assertThat(result.validation().errors()).as(example.toString()).isEmpty();
    PhysicalPlan plan = result.plan().orElseThrow();
    assertThat(plan.graph().vertices()).hasSize(
        result.validation().pipeline().orElseThrow().spec().nodes().size());
    assertThat(plan.chains().stream().mapToInt(c -> c.vertices().size()).sum())
        .isEqualTo(plan.graph().vertices().size());
    PlanCodec codec = new PlanCodec();
    assertThat(codec.fromJson(codec.toJson(plan))).isEqualTo(plan);
  }

  @Test
  void wordCountChainsLinesAndWordsAndHashesIntoTheWindow() throws Exception {
    PhysicalPlan plan = compile(Files.readString(Path.of("examples/word-count.yaml")));

    assertThat(plan.chainOf("lines").vertices()).containsExactly("lines", "words");
    JobEdge intoWindow = plan.chainEdges().stream().map(ChainEdge::edge)
        .filter(e -> e.target().equals("counts")).findFirst().orElseThrow();
    assertThat(intoWindow.partitioning()).isEqualTo(Partitioning.HASH);
    assertThat(intoWindow.keyExpression()).isEqualTo("value.lowerAscii()");
    assertThat(intoWindow.source()).isEqualTo("words");
    assertThat(plan.chainOf("counts").keyed()).isTrue();
    assertThat(plan.subtasks()).filteredOn(s -> s.chain().equals("counts"))
        .extracting(s -> s.keyGroups())
        .containsExactly(new KeyGroupRange(0, 63), new KeyGroupRange(64, 127));
    String printed = new PlanPrinter().print(plan);
    assertThat(printed).contains("[lines] lines (kafka-source) -> words (flat-map)   parallelism 2")
        .contains("words --HASH(value.lowerAscii())--> counts");
  }

  @Test
  void vertexCarriesTheNodeSettingsWithDefaultsInSpecWords() throws Exception {
    JobGraph graph = COMPILER.jobGraph(COMPILER.compile(
        Files.readString(Path.of("examples/word-count.yaml")), Format.YAML)
        .validation().pipeline().orElseThrow());

    Map<String, Object> window = graph.vertex("counts").orElseThrow().settings();
    assertThat(window).containsEntry("keyBy", "value.lowerAscii()")
        .containsEntry("window", Map.of("type", "tumbling", "size", "10s"));
    assertThat(window.get("aggregates")).isEqualTo(List.of(Map.of("name", "count", "fn", "count")));
    assertThat(graph.vertex("lines").orElseThrow().settings()).containsEntry("topic", "input-text");
    assertThat(graph.vertex("words").orElseThrow().settings())
        .containsEntry("expression", "value.split(' ')")
        .containsKey("deadLetter");
  }

  @Test
  void parallelismChangeRebalancesKeyByMakesDownstreamKeyedAndSideOutputsAreEdges() {
    PhysicalPlan plan = compile("""
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: shapes}
        spec:
          parallelism: 2
          nodes:
            - {id: src, type: kafka-source, topic: in, parallelism: 1}
            - {id: clean, type: map, inputs: [src], expression: "{'user': string(value.user), 'n': 1}"}
            - {id: by-user, type: key-by, inputs: [clean], expression: value.user}
            - {id: dedup, type: deduplicate, inputs: [by-user], ttl: 1h}
            - {id: counts, type: window-aggregate, inputs: [dedup], keyBy: value.user,
               window: {type: tumbling, size: 1m}, aggregates: [{name: n, fn: count}], lateOutput: true}
            - {id: out, type: kafka-sink, inputs: [counts], topic: out}
            - {id: late, type: kafka-sink, inputs: [counts.late], topic: late}
            - {id: errors, type: kafka-sink, inputs: [clean.dead-letter], topic: errors, parallelism: 1}
        """);

    Map<String, JobEdge> byTarget = new java.util.HashMap<>();
    plan.graph().edges().forEach(e -> byTarget.put(e.target(), e));
    assertThat(byTarget.get("clean").partitioning()).isEqualTo(Partitioning.REBALANCE);
    assertThat(byTarget.get("by-user").partitioning()).isEqualTo(Partitioning.HASH);
    assertThat(byTarget.get("dedup").partitioning()).isEqualTo(Partitioning.FORWARD);
    assertThat(byTarget.get("late").sourceOutput()).isEqualTo(JobEdge.LATE);
    assertThat(byTarget.get("errors").sourceOutput()).isEqualTo(JobEdge.DEAD_LETTER);
    assertThat(byTarget.get("errors").partitioning()).isEqualTo(Partitioning.REBALANCE);
    assertThat(plan.graph().vertex("dedup").orElseThrow().keyed()).isTrue();
    assertThat(plan.chains()).extracting(OperatorChain::vertices).contains(
        List.of("by-user", "dedup"), List.of("counts", "out"), List.of("late"));
  }

  @Test
  void joinsHashEachInputByItsOwnKey() throws Exception {
    PhysicalPlan plan = compile(Files.readString(Path.of("examples/interval-join.yaml")));

    List<JobEdge> inputs = plan.graph().inputsOf("attributed");
    assertThat(inputs).extracting(JobEdge::source, JobEdge::targetInput, JobEdge::partitioning,
            JobEdge::keyExpression)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("clicks", 0, Partitioning.HASH, "value.adId"),
            org.assertj.core.groups.Tuple.tuple("impressions", 1, Partitioning.HASH, "value.adId"));
  }

  @Test
  void invalidSpecGivesDiagnosticsAndNoPlan() {
    CompilationResult result = COMPILER.compile("apiVersion: millrace.io/v1\nkind: Pipeline\n", Format.YAML);

    assertThat(result.plan()).isEmpty();
    assertThat(result.validation().errors()).isNotEmpty();
  }

  @Test
  void verticesCarryTheRecordTypeOfEachInput() {
    PhysicalPlan plan = compile("""
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: typed}
        spec:
          nodes:
            - id: events
              type: kafka-source
              topic: in
              format: json
              schema: {fields: [{name: user, type: string}, {name: amount, type: int}]}
            - {id: big, type: filter, inputs: [events], expression: "value.amount > 10"}
            - id: sums
              type: window-aggregate
              inputs: [big]
              keyBy: value.user
              window: {type: tumbling, size: 10s}
              lateOutput: true
              aggregates: [{name: total, fn: sum, field: amount}]
            - {id: late, type: kafka-sink, inputs: [sums.late], topic: late, format: json}
            - {id: out, type: kafka-sink, inputs: [sums], topic: out, format: json}
        """);
    RecordType events = RecordType.of(Map.of("user", FieldType.STRING, "amount", FieldType.INT));

    assertThat(plan.graph().vertex("events").orElseThrow().inputTypes()).containsExactly(events);
    assertThat(plan.graph().vertex("big").orElseThrow().inputType(0)).isEqualTo(events);
    assertThat(plan.graph().vertex("sums").orElseThrow().inputType(0)).isEqualTo(events);
    assertThat(plan.graph().vertex("late").orElseThrow().inputType(0))
        .as("late records are the window's input records").isEqualTo(events);
    RecordType windowOut = plan.graph().vertex("out").orElseThrow().inputType(0);
    assertThat(windowOut.dynamic()).isFalse();
    assertThat(windowOut.fields()).containsKeys("windowStart", "windowEnd");
    assertThat(plan.graph().vertex("big").orElseThrow().inputType(1))
        .as("an input the vertex does not have").isEqualTo(RecordType.dynamicRecord());
  }

  @Test
  void aPipelinePlannedWithoutTypesHasDynamicInputs() {
    CompilationResult result = COMPILER.compile("""
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: untyped}
        spec:
          nodes:
            - {id: events, type: kafka-source, topic: in, format: json,
               schema: {fields: [{name: amount, type: int}]}}
            - {id: out, type: kafka-sink, inputs: [events], topic: out, format: json}
        """, Format.YAML);

    JobGraph graph = COMPILER.jobGraph(result.validation().pipeline().orElseThrow());

    assertThat(graph.vertex("out").orElseThrow().inputTypes()).isEmpty();
    assertThat(graph.vertex("out").orElseThrow().inputType(0)).isEqualTo(RecordType.dynamicRecord());
  }
}
