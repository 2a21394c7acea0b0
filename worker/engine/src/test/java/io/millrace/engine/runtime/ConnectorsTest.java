package io.millrace.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.engine.api.OperatorSetupException;
import io.millrace.engine.connector.CollectingSink;
import io.millrace.engine.connector.CollectionSource;
import io.millrace.engine.testing.MiniCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connectors are found by node binding first, else by the factory registered for the node's kind. */
class ConnectorsTest {

  static final String SPEC = """
      apiVersion: millrace.io/v1
      kind: Pipeline
      metadata: {name: kinds}
      spec:
        parallelism: 2
        nodes:
          - {id: a, type: kafka-source, topic: a, format: text}
          - {id: b, type: kafka-source, topic: b, format: text}
          - {id: both, type: union, inputs: [a, b]}
          - {id: upper, type: map, inputs: [both], expression: "value.upperAscii()"}
          - {id: out, type: kafka-sink, inputs: [upper], topic: out, format: json}
      """;

  @TempDir Path dir;

  @Test
  void kindFactoriesMakeOneConnectorPerNodeAndNodeBindingsWin() throws Exception {
    List<String> made = new ArrayList<>();
    CollectingSink out = new CollectingSink();
    Connectors registry = Connectors.none()
        .withSourceKind("kafka-source", vertex -> {
          made.add(vertex.id());
          return CollectionSource.of(List.of(vertex.settings().get("topic") + "-1", vertex.settings().get("topic") + "-2"), 2);
        })
        .withSinkKind("kafka-sink", vertex -> {
          made.add(vertex.id());
          return out;
        });

    MiniCluster.forSpec(SPEC)
        .connectors(registry)
        .source("b", CollectionSource.of(List.of("bound"), 1))
        .config(JobConfig.defaults(dir))
        .start().result().get(60, TimeUnit.SECONDS);

    assertThat(made).as("once per node, not per subtask; 'b' is bound by id").containsExactlyInAnyOrder("a", "out");
    assertThat(out.committedValues()).containsExactlyInAnyOrder("A-1", "A-2", "BOUND");
  }

  @Test
  void aNodeWithoutConnectorIsASetupErrorNamingTheRegistrationPoint() {
    assertThatThrownBy(() -> MiniCluster.forSpec(SPEC)
        .connectors(Connectors.none().withSinkKind("kafka-sink", vertex -> new CollectingSink()))
        .source("a", CollectionSource.of(List.of("x"), 1))
        .config(JobConfig.defaults(dir))
        .create(null))
        .isInstanceOf(OperatorSetupException.class)
        .hasMessageContaining("'b'").hasMessageContaining("Connectors.withSourceKind");
  }

  @Test
  void bindResolvesEachConnectorNodeOfTheGraphOnce() {
    var plan = MiniCluster.compile(SPEC);
    Connectors bound = Connectors.none()
        .withSourceKind("kafka-source", vertex -> CollectionSource.of(List.of(), 1))
        .withSinkKind("kafka-sink", vertex -> new CollectingSink())
        .bind(plan.graph());

    assertThat(bound.sources().keySet()).containsExactlyInAnyOrder("a", "b");
    assertThat(bound.sinks().keySet()).containsExactly("out");
    assertThat(bound.bind(plan.graph()).sources()).isEqualTo(bound.sources());
    assertThat(Map.copyOf(bound.sinks())).isEqualTo(bound.bind(plan.graph()).sinks());
  }
}
