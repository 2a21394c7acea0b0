package io.millrace.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.spec.plan.PlanCodec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    return new SpecCli(SpecCli.commands()).run(args,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void printsTheChainedPlanOfWordCount() {
    int code = run("plan", "examples/word-count.yaml");

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("plan word-count  (planVersion 1, maxParallelism 128, 2 chains, 4 subtasks)")
        .contains("[lines] lines (kafka-source) -> words (flat-map)   parallelism 2")
        .contains("key groups: #0 0..63, #1 64..127")
        .contains("words --HASH(value.lowerAscii())--> counts");
  }

  @Test
  void printsTheJsonPlanWorkersRead() throws Exception {
    int code = run("plan", "examples/word-count.yaml", "--json");

    assertThat(code).isZero();
    assertThat(new PlanCodec().fromJson(out.toString(StandardCharsets.UTF_8)).graph().name())
        .isEqualTo("word-count");
  }

  @Test
  void invalidSpecExitsOneWithLocatedDiagnostics(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("bad.yaml");
    Files.writeString(spec, """
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: bad}
        spec:
          nodes:
            - {id: src, type: kafka-source, topic: t}
            - {id: f, type: filter, inputs: [src], expression: "value.amount >"}
            - {id: out, type: kafka-sink, inputs: [f], topic: o}
        """);

    int code = run("plan", spec.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.yaml:7:").contains("syntax error");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void missingFileIsAUsageError() {
    assertThat(run("plan", "does-not-exist.yaml")).isEqualTo(2);
    assertThat(run("plan")).isEqualTo(2);
  }
}
