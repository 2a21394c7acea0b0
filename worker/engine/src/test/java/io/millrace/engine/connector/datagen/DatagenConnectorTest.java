package io.millrace.engine.connector.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.engine.connector.CollectingSink;
import io.millrace.engine.operators.OperatorFactory;
import io.millrace.engine.runtime.Connectors;
import io.millrace.engine.runtime.JobConfig;
import io.millrace.engine.testing.MiniCluster;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatagenConnectorTest {

  @TempDir
  Path dir;

  @Test
  void aSpecWithADatagenSourceRunsThroughTheKindRegistration() throws Exception {
    String spec = """
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: datagen}
        spec:
          parallelism: 2
          nodes:
            - id: gen
              type: datagen-source
              rate: 1000000
              count: 300
              seed: 3
              fields: [{name: id, kind: sequence}, {name: n, kind: random-int, min: 1, max: 6}]
            - {id: big, type: filter, inputs: [gen], expression: "value.n > 3"}
            - {id: out, type: kafka-sink, inputs: [big], topic: out}
        """;
    CollectingSink out = new CollectingSink();
    MiniCluster.forSpec(spec).operators(OperatorFactory.standard())
        .connectors(DatagenConnector.register(Connectors.none()))
        .sink("out", out).config(JobConfig.defaults(dir)).start().result().get(60, TimeUnit.SECONDS);
    long expected = 0; // the same generator, read directly: records whose n > 3
    var random = new EventRandom(3);
    var generator = DatagenSettings.generator("gen", Map.of("generator", "fields", "seed", 3L, "fields",
        java.util.List.of(Map.of("name", "id", "kind", "sequence"), Map.of("name", "n", "kind", "random-int", "min", 1L, "max", 6L))));
    for (long i = 0; i < 300; i++) {
      if ((Long) ((Map<?, ?>) generator.generate(i, random)).get("n") > 3) {
        expected++;
      }
    }
    assertThat(out.committedValues()).hasSize((int) expected);
    assertThat(expected).isBetween(100L, 200L);
  }
}
