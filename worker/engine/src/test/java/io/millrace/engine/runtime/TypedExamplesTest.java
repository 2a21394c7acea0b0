package io.millrace.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.engine.connector.CollectingSink;
import io.millrace.engine.connector.CollectionSource;
import io.millrace.engine.operators.OperatorFactory;
import io.millrace.engine.testing.MiniCluster;
import io.millrace.engine.testing.OperatorTestHarness;
import io.millrace.spec.catalog.BuiltinNodeKinds;
import io.millrace.spec.expr.EvaluationStrategy;
import io.millrace.spec.expr.RecordType;
import io.millrace.spec.plan.JobVertex;
import io.millrace.spec.plan.PhysicalPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec examples (Nexmark included) compile and open with the plan's record types. */
class TypedExamplesTest {

  /** The spec examples, relative to this module (surefire runs in worker/engine). */
  static final Path EXAMPLES = Path.of("..", "..", "pipeline-spec", "examples");

  @TempDir Path dir;

  static List<Path> examples() throws Exception {
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** Every transform of every example opens with typed scopes (join select, reduce, process included). */
  @Test
  void everyTransformOfEveryExampleOpensWithItsInputTypes() throws Exception {
    int opened = 0;
    int typed = 0;
    for (Path example : examples()) {
      PhysicalPlan plan = MiniCluster.compile(Files.readString(example));
      for (JobVertex vertex : plan.graph().vertices()) {
        if (BuiltinNodeKinds.all().stream().noneMatch(k -> k.name().equals(vertex.kind()))) {
          continue;
        }
        var builder = OperatorTestHarness.builder(OperatorFactory.standard().create(vertex), vertex.id(), vertex.kind())
            .settings(vertex.settings()).inputTypes(vertex.inputTypes().toArray(RecordType[]::new));
        if (vertex.keyed()) {
          builder.keyed();
        }
        try (OperatorTestHarness harness = builder.open()) {
          opened++;
          typed += vertex.inputTypes().stream().anyMatch(t -> !t.dynamic()) ? 1 : 0;
        }
      }
    }
    assertThat(opened).isGreaterThan(15);
    assertThat(typed).as("transforms with a typed input").isGreaterThanOrEqualTo(10);
  }

  static List<Object> bids() {
    List<Object> bids = new ArrayList<>();
    for (long i = 0; i < 1_000; i++) {
      bids.add(Map.of("auction", 1000 + i % 400, "bidder", i % 37, "price", i * 13 % 5000, "channel", "c",
          "url", "https://x/" + i, "dateTime", Instant.ofEpochMilli(i), "extra", ""));
    }
    return bids;
  }

  TypedPlanJobTest.RecordingCompiler run(String example, CollectingSink out) throws Exception {
    TypedPlanJobTest.RecordingCompiler compiler = new TypedPlanJobTest.RecordingCompiler(EvaluationStrategy.FAST_PATH_WHEN_SUPPORTED);
    MiniCluster.forSpec(Files.readString(EXAMPLES.resolve("nexmark").resolve(example)))
        .source("bids", CollectionSource.of(bids(), 2))
        .sink("out", out)
        .config(JobConfig.defaults(dir.resolve(example)).withExpressionCompiler(compiler))
        .start().result().get(60, TimeUnit.SECONDS);
    return compiler;
  }

  @Test
  void nexmarkQ1AndQ2RunTheirExpressionsOnTheFastPath() throws Exception {
    CollectingSink q2 = new CollectingSink();
    var q2Compiler = run("q2-selection.yaml", q2);
    assertThat(q2Compiler.compiledClass).containsEntry("int(value.auction) % 123 == 0", "FastCompiledExpression");
    assertThat(q2.committedValues()).isNotEmpty()
        .allSatisfy(v -> assertThat((Long) ((Map<?, ?>) v).get("auction") % 123).isZero());

    CollectingSink q1 = new CollectingSink();
    var q1Compiler = run("q1-currency.yaml", q1);
    assertThat(q1Compiler.compiledClass.values()).containsOnly("FastCompiledExpression");
    assertThat(q1.committedValues()).hasSize(1_000)
        .allSatisfy(v -> assertThat(((Map<?, ?>) v).get("price")).isInstanceOf(Double.class));
  }
}
