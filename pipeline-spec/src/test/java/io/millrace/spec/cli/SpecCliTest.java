package io.millrace.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpecCliTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return new SpecCli(SpecCli.commands()).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void validatePrintsLocatedDiagnosticsAndExitsOneOnErrors() {
    String file = "src/test/resources/broken/12-unknown-node-type.yaml";
    assertThat(run("validate", file)).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains(
        file + ":7:25: error [unknown-node-type] unknown node type 'flatmap' (did you mean 'flat-map'?)");
  }

  @Test
  void validateExitsZeroForAValidSpec() {
    assertThat(run("validate", "examples/word-count.yaml")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("examples/word-count.yaml: valid");
  }

  @Test
  void schemaPrintsTheJsonSchema() throws Exception {
    assertThat(run("schema")).isZero();
    var schema = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(schema.path("$defs").has("node-window-aggregate")).isTrue();
  }

  @Test
  void unknownCommandsAndMissingFilesAreUsageErrors() {
    assertThat(run("plna", "x.yaml")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'plna'").contains("validate FILE");
    assertThat(run("validate", "does-not-exist.yaml")).isEqualTo(2);
  }
}
