package io.millrace.spec.statediff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random valid pipelines (every stateful kind, random windows, aggregates, TTLs, declared process
 * state, parallelism): a version diffed against itself never drops state, and a pure rescale never
 * drops state either.
 */
class SelfDiffPropertiesTest {

  private static final StateDiffer DIFFER = StateDiffer.standard();

  @Property(tries = 150, seed = "20261121")
  void aPipelineDiffedAgainstItselfNeverDropsState(@ForAll("pipelines") String yaml) {
    StateDiff diff = DIFFER.diff(Specs.valid(yaml), Specs.valid(yaml));
    assertThat(diff.dropsState()).as(yaml).isFalse();
    assertThat(diff.nodes()).allSatisfy(n -> assertThat(n.change()).as(n.nodeId() + ": " + n.reason())
        .isIn(Change.KEPT, Change.STATELESS));
  }

  @Property(tries = 60, seed = "20261122")
  void aRescaleNeverDropsState(@ForAll("pipelines") String yaml, @ForAll("parallelisms") int parallelism) {
    String rescaled = yaml.replaceFirst("parallelism: \\d+", "parallelism: " + parallelism);
    StateDiff diff = DIFFER.diff(Specs.valid(yaml), Specs.valid(rescaled));
    assertThat(diff.dropsState()).as(rescaled).isFalse();
  }

  @Provide
  Arbitrary<Integer> parallelisms() {
    return Arbitraries.integers().between(1, 8);
  }

  @Provide
  Arbitrary<String> pipelines() {
    Arbitrary<List<String>> middle = middleNode().list().ofMaxSize(4);
    Arbitrary<String> tail = Arbitraries.oneOf(windowAggregate(), lookupJoin(), join(), Arbitraries.just(""));
    return Combinators.combine(Arbitraries.integers().between(1, 4), middle, tail)
        .as(SelfDiffPropertiesTest::assemble);
  }

  private static String assemble(int parallelism, List<String> middle, String tail) {
    StringBuilder yaml = new StringBuilder("""
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: random}
        spec:
          parallelism: %d
          nodes:
            - {id: in, type: kafka-source, topic: events, format: json}
            - {id: side, type: kafka-source, topic: table, format: json}
        """.formatted(parallelism));
    String previous = "in";
    List<String> nodes = new ArrayList<>(middle);
    if (!tail.isEmpty()) {
      nodes.add(tail);
    }
    for (int i = 0; i < nodes.size(); i++) {
      String id = "n" + i;
      yaml.append("    - ").append(nodes.get(i).replace("ID", id).replace("IN", previous)).append('\n');
      previous = id;
    }
    yaml.append("    - {id: out, type: kafka-sink, inputs: [").append(previous).append("], topic: out, format: json}\n");
    return yaml.toString();
  }

  private static Arbitrary<String> duration() {
    return Combinators.combine(Arbitraries.integers().between(1, 59), Arbitraries.of("s", "m", "h"))
        .as((n, unit) -> n + unit);
  }

  private static Arbitrary<String> middleNode() {
    Arbitrary<String> filter = Arbitraries.of("value.user != ''", "value.amount > 3")
        .map(e -> "{id: ID, type: filter, inputs: [IN], expression: \"" + e + "\"}");
    Arbitrary<String> map = Arbitraries.just("{id: ID, type: map, inputs: [IN], expression: \"value\"}");
    Arbitrary<String> dedup = Combinators.combine(Arbitraries.of("value.user", "value.id"), duration())
        .as((key, ttl) -> "{id: ID, type: deduplicate, inputs: [IN], keyBy: \"" + key + "\", ttl: " + ttl + "}");
    return Arbitraries.oneOf(filter, map, dedup, process());
  }

  private static Arbitrary<String> process() {
    Arbitrary<String> state = Combinators.combine(Arbitraries.of("value", "list", "map"), duration().injectNull(0.5))
        .as((kind, ttl) -> "kind: " + kind + (ttl == null ? "" : ", ttl: " + ttl));
    return state.list().ofMinSize(1).ofMaxSize(3).map(states -> {
      List<String> declared = new ArrayList<>();
      for (int i = 0; i < states.size(); i++) {
        declared.add("{name: s" + i + ", " + states.get(i) + "}");
      }
      return "{id: ID, type: process, inputs: [IN], keyBy: \"value.user\", state: [" + String.join(", ", declared)
          + "], onRecord: {emit: \"[value]\"}}";
    });
  }

  private static Arbitrary<String> window() {
    Arbitrary<String> tumbling = duration().map(size -> "{type: tumbling, size: " + size + "}");
    Arbitrary<String> sliding = Arbitraries.integers().between(1, 30)
        .map(slide -> "{type: sliding, size: " + (slide * 2) + "s, slide: " + slide + "s}");
    Arbitrary<String> session = duration().map(gap -> "{type: session, gap: " + gap + "}");
    return Arbitraries.oneOf(tumbling, sliding, session);
  }

  private static Arbitrary<String> windowAggregate() {
    Arbitrary<String> aggregate = Arbitraries.of("fn: count", "fn: sum, field: amount", "fn: avg, field: amount",
        "fn: min, field: amount", "fn: max, field: amount", "fn: first", "fn: last");
    return Combinators.combine(window(), aggregate.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of("0s", "5s"))
        .as((window, aggregates, lateness) -> {
          List<String> named = new ArrayList<>();
          for (int i = 0; i < aggregates.size(); i++) {
            named.add("{name: a" + i + ", " + aggregates.get(i) + "}");
          }
          return "{id: ID, type: window-aggregate, inputs: [IN], keyBy: \"value.user\", window: " + window
              + ", aggregates: [" + String.join(", ", named) + "], allowedLateness: " + lateness + "}";
        });
  }

  private static Arbitrary<String> lookupJoin() {
    return duration().injectNull(0.5).map(ttl -> "{id: ID, type: lookup-join, inputs: [IN, side], leftKey: \"value.user\","
        + " rightKey: \"value.id\"" + (ttl == null ? "" : ", ttl: " + ttl) + "}");
  }

  private static Arbitrary<String> join() {
    Arbitrary<String> interval = Combinators.combine(duration(), duration())
        .as((before, after) -> "mode: interval, interval: {before: " + before + ", after: " + after + "}");
    Arbitrary<String> windowed = window().map(w -> "mode: window, window: " + w);
    return Arbitraries.oneOf(interval, windowed).map(mode -> "{id: ID, type: join, inputs: [IN, side], " + mode
        + ", leftKey: \"value.user\", rightKey: \"value.id\"}");
  }
}
