package io.millrace.engine.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.engine.api.OperatorSetupException;
import io.millrace.engine.api.StreamOperator;
import io.millrace.engine.operators.dedup.DeduplicateOperator;
import io.millrace.engine.operators.join.IntervalJoinOperator;
import io.millrace.engine.operators.join.WindowJoinOperator;
import io.millrace.engine.operators.process.ProcessOperator;
import io.millrace.engine.operators.window.SessionWindowOperator;
import io.millrace.engine.operators.window.SlicedWindowOperator;
import io.millrace.engine.state.heap.HeapStateBackend;
import io.millrace.spec.catalog.BuiltinNodeKinds;
import io.millrace.spec.compile.CompilationResult;
import io.millrace.spec.compile.SpecCompiler;
import io.millrace.spec.parse.Format;
import io.millrace.spec.plan.JobVertex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorFactoryTest {

  /** The spec examples, relative to this module (surefire runs in worker/engine). */
  private static final Path EXAMPLES = Path.of("..", "..", "pipeline-spec", "examples");

  @TempDir
  Path dir;

  private static List<JobVertex> exampleVertices() throws Exception {
    List<JobVertex> vertices = new ArrayList<>();
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        CompilationResult result = SpecCompiler.standard().compile(Files.readString(file), Format.YAML);
        assertThat(result.plan()).as(file + ": " + result.validation().errors()).isPresent();
        vertices.addAll(result.plan().get().graph().vertices());
      }
    }
    return vertices;
  }

  /** Every transform vertex of every example builds AND opens (its settings, as compiled, are usable). */
  @Test
  void buildsAndOpensTheOperatorOfEveryTransformInTheSpecExamples() throws Exception {
    OperatorFactory factory = OperatorFactory.standard();
    Set<String> kindsSeen = new HashSet<>();
    int i = 0;
    for (JobVertex vertex : exampleVertices()) {
      if (!OperatorFactory.isBuiltin(vertex.kind())) {
        continue;
      }
      StreamOperator operator = factory.create(vertex);
      try (OperatorBench bench = OperatorBench.open(operator, vertex.id(), vertex.settings(), new HeapStateBackend(),
          dir.resolve("v" + i++))) {
        kindsSeen.add(vertex.kind());
      }
    }
    assertThat(kindsSeen).contains(BuiltinNodeKinds.WINDOW_AGGREGATE, BuiltinNodeKinds.JOIN, BuiltinNodeKinds.DEDUPLICATE,
        BuiltinNodeKinds.PROCESS, BuiltinNodeKinds.KEY_BY);
  }

  @Test
  void mapsEachKindToItsOperator() {
    OperatorFactory factory = OperatorFactory.standard();
    Map<String, Object> agg = Map.of("aggregates", List.of(Map.of("name", "n", "fn", "count")));
    assertThat(factory.create(vertex("window-aggregate", with(agg, "window", Map.of("type", "tumbling", "size", "1s")))))
        .isInstanceOf(SlicedWindowOperator.class);
    assertThat(factory.create(vertex("window-aggregate", with(agg, "window", Map.of("type", "session", "gap", "1s")))))
        .isInstanceOf(SessionWindowOperator.class);
    assertThat(factory.create(vertex("join", Map.of("mode", "window", "window", Map.of("type", "tumbling", "size", "1s")))))
        .isInstanceOf(WindowJoinOperator.class);
    assertThat(factory.create(vertex("join", Map.of("mode", "interval", "interval", Map.of("before", "1s", "after", "0s")))))
        .isInstanceOf(IntervalJoinOperator.class);
    assertThat(factory.create(vertex("join", Map.of("mode", "window", "window", Map.of("type", "session", "gap", "1s")))))
        .isInstanceOf(io.millrace.engine.operators.join.SessionJoinOperator.class);
    assertThat(factory.create(vertex("deduplicate", Map.of("ttl", "1h")))).isInstanceOf(DeduplicateOperator.class);
    assertThat(factory.create(vertex("process", Map.of("onRecord", Map.of())))).isInstanceOf(ProcessOperator.class);
    for (String basic : List.of("map", "filter", "flat-map", "key-by", "union")) {
      assertThat(factory.create(vertex(basic, Map.of("expression", "value")))).as(basic).isNotNull();
    }
  }

  @Test
  void badSettingsAndUnknownKindsArePreciseSetupErrors() {
    OperatorFactory factory = OperatorFactory.standard();
    assertThatThrownBy(() -> factory.create(vertex("deduplicate", Map.of("ttl", "soon"))))
        .isInstanceOf(OperatorSetupException.class).hasMessageContaining("'ttl'").hasMessageContaining("10s");
    assertThatThrownBy(() -> factory.create(vertex("join", Map.of("mode", "sideways"))))
        .isInstanceOf(OperatorSetupException.class).hasMessageContaining("window or interval");
    assertThatThrownBy(() -> factory.create(vertex("window-aggregate", Map.of("aggregates", List.of(),
        "window", Map.of("type", "sliding", "size", "1s", "slide", "2s")))))
        .isInstanceOf(OperatorSetupException.class).hasMessageContaining("must not exceed size");
    assertThatThrownBy(() -> factory.create(vertex("kafka-source", Map.of())))
        .isInstanceOf(OperatorSetupException.class).hasMessageContaining("connector")
        .hasMessageContaining("Connectors.withSourceKind");
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>(base);
    copy.put(key, value);
    return copy;
  }

  private static JobVertex vertex(String kind, Map<String, Object> settings) {
    return new JobVertex("n", kind, 1, true, settings);
  }
}
