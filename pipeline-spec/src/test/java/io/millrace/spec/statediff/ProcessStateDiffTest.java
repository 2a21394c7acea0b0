package io.millrace.spec.statediff;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.spec.model.PipelineSpec;
import org.junit.jupiter.api.Test;

/** Process nodes: one state per declared state; TTL presence is layout, its length behaviour. */
class ProcessStateDiffTest {

  private static final StateDiffer DIFFER = StateDiffer.standard();

  private static final String COUNTER = """
      apiVersion: millrace.io/v1
      kind: Pipeline
      metadata: {name: counter}
      spec:
        nodes:
          - {id: events, type: kafka-source, topic: events, format: json}
          - id: counter
            type: process
            inputs: [events]
            keyBy: value.user
            state:
              - {name: count, kind: value, type: int, ttl: 1h}
              - {name: seen, kind: map}
            onRecord:
              update: {count: "count + 1"}
              emit: "[value]"
          - {id: out, type: kafka-sink, inputs: [counter], topic: out, format: json}
      """;

  private static NodeStateChange counter(String edited) {
    PipelineSpec from = Specs.valid(COUNTER);
    return DIFFER.diff(from, Specs.valid(edited)).node("counter").orElseThrow();
  }

  @Test
  void declaresEachStateWithTheEnginesSerializerVersion() {
    NodeStateChange same = counter(COUNTER);
    assertThat(same.change()).isEqualTo(Change.KEPT);
    assertThat(same.after()).extracting(DeclaredState::name, DeclaredState::kind, DeclaredState::serializerVersion)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("count", StateKind.VALUE, 1 | (1 << 30)),
            org.assertj.core.groups.Tuple.tuple("seen", StateKind.MAP, 65537));
  }

  @Test
  void anotherTtlLengthIsCompatibleButRemovingTheTtlDropsTheState() {
    NodeStateChange longer = counter(COUNTER.replace("ttl: 1h", "ttl: 2h"));
    assertThat(longer.change()).isEqualTo(Change.COMPATIBLE);
    assertThat(longer.reason()).contains("ttl of count changed from 1h to 2h");

    NodeStateChange noTtl = counter(COUNTER.replace(", ttl: 1h", ""));
    assertThat(noTtl.change()).isEqualTo(Change.DROPPED);
    assertThat(noTtl.reason()).contains("expiry of count changed from stored to not stored").contains("Dropped: count");
  }

  @Test
  void aNewDeclaredStateStartsEmptyWhileTheOthersAreKept() {
    NodeStateChange added = counter(COUNTER.replace("- {name: seen, kind: map}",
        "- {name: seen, kind: map}\n        - {name: recent, kind: list}"));
    assertThat(added.change()).isEqualTo(Change.COMPATIBLE);
    assertThat(added.reason()).contains("Starts empty: recent");
  }

  @Test
  void changingAStatesKindDropsIt() {
    NodeStateChange change = counter(COUNTER.replace("{name: seen, kind: map}", "{name: seen, kind: list}"));
    assertThat(change.change()).isEqualTo(Change.DROPPED);
    assertThat(change.reason()).contains("State 'seen' changes its stored format (MAP version 65537 → LIST version 1)");
  }
}
