package io.millrace.spec.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.spec.expr.FieldType;
import io.millrace.spec.model.NodeSpec;
import io.millrace.spec.model.WindowSpec;
import io.millrace.spec.parse.Format;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ExamplesTest {

  private static final PipelineValidator VALIDATOR = PipelineValidator.standard();

  @TestFactory
  List<DynamicTest> everyExampleValidatesWithoutAnyDiagnostic() {
    List<Path> examples = SpecFiles.examples();
    assertThat(examples).hasSizeGreaterThanOrEqualTo(15);
    return examples.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
      ValidationResult result = VALIDATOR.validate(SpecFiles.read(file), Format.fromFileName(file.toString()));
      assertThat(result.diagnostics()).as(PipelineValidator.format(file.toString(), result.diagnostics())).isEmpty();
      assertThat(result.pipeline()).isPresent();
    })).toList();
  }

  @Test
  void examplesAreOnTheClasspathForTemplates() throws Exception {
    for (Path file : SpecFiles.examples()) {
      String resource = "io/millrace/spec/examples/" + SpecFiles.EXAMPLES.relativize(file).toString().replace('\\', '/');
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
        assertThat(in).as(resource).isNotNull();
        assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(SpecFiles.read(file));
      }
    }
  }

  @Test
  void wordCountBindsToTheTypedModelWithDefaults() {
    ValidationResult result = VALIDATOR.validate(SpecFiles.read(SpecFiles.EXAMPLES.resolve("word-count.yaml")), Format.YAML);
    var spec = result.pipeline().orElseThrow().spec();
    assertThat(spec.parallelism()).isEqualTo(2);
    assertThat(spec.maxParallelism()).isEqualTo(128);
    assertThat(spec.checkpointing().interval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(spec.nodes()).extracting(NodeSpec::id).containsExactly("lines", "words", "counts", "frequent", "out");
    var counts = (NodeSpec.WindowAggregateNode) spec.node("counts").orElseThrow();
    assertThat(counts.keyBy()).contains("value.lowerAscii()");
    assertThat(counts.window()).isEqualTo(new WindowSpec.Tumbling(Duration.ofSeconds(10)));
    var source = (NodeSpec.SourceNode) spec.node("lines").orElseThrow();
    assertThat(source.settings().string("startFrom")).contains("earliest");
    var sink = (NodeSpec.SinkNode) spec.node("out").orElseThrow();
    assertThat(sink.settings().string("delivery")).contains("exactly-once"); // catalog default applied
    assertThat(result.outputTypes().get("counts").fields()).containsEntry("count", FieldType.INT);
    assertThat(result.outputTypes().get("frequent")).isEqualTo(result.outputTypes().get("counts"));
  }
}
