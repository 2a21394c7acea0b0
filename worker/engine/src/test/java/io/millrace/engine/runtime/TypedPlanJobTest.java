package io.millrace.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.engine.connector.CollectingSink;
import io.millrace.engine.connector.CollectionSource;
import io.millrace.engine.testing.MiniCluster;
import io.millrace.spec.expr.CelExpressionCompiler;
import io.millrace.spec.expr.CompileResult;
import io.millrace.spec.expr.EvaluationStrategy;
import io.millrace.spec.expr.ExpressionCompiler;
import io.millrace.spec.expr.ExpressionLimits;
import io.millrace.spec.expr.ExpressionKind;
import io.millrace.spec.expr.ExpressionScope;
import io.millrace.spec.expr.FieldType;
import io.millrace.spec.expr.RecordType;
import io.millrace.spec.plan.JobGraph;
import io.millrace.spec.plan.JobVertex;
import io.millrace.spec.plan.PhysicalPlan;
import io.millrace.spec.plan.PhysicalPlanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A typed spec's expressions run through pipeline-spec's typed fast path inside a running job and
 * give the answers of the same job compiled without types (CEL interpreter) for records of the
 * declared types; records whose fields hold another Java type than declared get exactly the typed
 * CEL program's answer (per-record fallback), which is not always the untyped one: a double in an
 * {@code int} field fails the record, as the typed CEL program does (docs/expressions.md).
 */
class TypedPlanJobTest {

  static final String SPEC = """
      apiVersion: millrace.io/v1
      kind: Pipeline
      metadata: {name: typed}
      spec:
        parallelism: 2
        nodes:
          - id: bids
            type: kafka-source
            topic: bids
            format: json
            schema: {fields: [{name: auction, type: int}, {name: price, type: int}, {name: url, type: string}]}
          - {id: pricey, type: filter, inputs: [bids], expression: "value.price > 100 && value.url.startsWith('h')"}
          - id: euros
            type: map
            inputs: [pricey]
            expression: "{'auction': value.auction, 'euros': value.price * 9 / 10, 'long': size(value.url) > 5}"
          - {id: by-auction, type: key-by, inputs: [euros], expression: "value.auction", parallelism: 3}
          - {id: out, type: kafka-sink, inputs: [by-auction], topic: out, format: json}
          - {id: bad, type: kafka-sink, inputs: [pricey.dead-letter], topic: bad, format: json}
      """;

  @TempDir Path dir;

  /** Remembers the class of what each expression text compiled to. */
  static final class RecordingCompiler implements ExpressionCompiler {
    final ExpressionCompiler delegate;
    final Map<String, String> compiledClass = new ConcurrentHashMap<>();

    RecordingCompiler(EvaluationStrategy strategy) {
      delegate = new CelExpressionCompiler(ExpressionLimits.defaults(), strategy);
    }

    @Override
    public CompileResult compile(String expression, ExpressionScope scope, ExpressionKind kind) {
      CompileResult result = delegate.compile(expression, scope, kind);
      if (result instanceof CompileResult.Compiled compiled) {
        compiledClass.put(expression, compiled.expression().getClass().getSimpleName());
      }
      return result;
    }
  }

  static List<Object> bids() {
    List<Object> bids = new ArrayList<>();
    for (long i = 0; i < 400; i++) {
      bids.add(Map.of("auction", i % 7, "price", (i * 37) % 300, "url", i % 3 == 0 ? "http://x/" + i : "ftp"));
    }
    // fields of another Java type than declared: an Integer and a Double in `int` fields (CEL
    // normalises / compares them), and a String where an int is declared (CEL fails the record)
    bids.add(Map.of("auction", 1, "price", 250, "url", "https://int"));
    bids.add(Map.of("auction", 2L, "price", 150.5, "url", "https://double"));
    bids.add(Map.of("auction", 3L, "price", "999", "url", "https://string"));
    return bids;
  }

  record Run(List<String> out, List<String> bad, RecordingCompiler compiler) {}

  Run run(PhysicalPlan plan, String name, EvaluationStrategy strategy) throws Exception {
    RecordingCompiler compiler = new RecordingCompiler(strategy);
    CollectingSink out = new CollectingSink();
    CollectingSink bad = new CollectingSink();
    MiniCluster.forPlan(plan)
        .source("bids", CollectionSource.of(bids(), 2))
        .sink("out", out).sink("bad", bad)
        .config(JobConfig.defaults(dir.resolve(name)).withExpressionCompiler(compiler))
        .start().result().get(60, TimeUnit.SECONDS);
    return new Run(sorted(out.committedValues()), sorted(bad.committedValues()), compiler);
  }

  static List<String> sorted(List<Object> values) {
    return values.stream().map(String::valueOf).sorted().toList();
  }

  static PhysicalPlan withoutTypes(PhysicalPlan plan) {
    JobGraph graph = plan.graph();
    List<JobVertex> untyped = graph.vertices().stream()
        .map(v -> new JobVertex(v.id(), v.kind(), v.parallelism(), v.keyed(), v.settings())).toList();
    return new PhysicalPlanner().plan(new JobGraph(graph.name(), graph.maxParallelism(), untyped, graph.edges()));
  }

  @Test
  void typedExpressionsRunOnTheFastPathWithTheUntypedAnswers() throws Exception {
    PhysicalPlan typed = MiniCluster.compile(SPEC);
    RecordType bid = RecordType.of(Map.of("auction", FieldType.INT, "price", FieldType.INT, "url", FieldType.STRING));
    assertThat(typed.graph().vertex("pricey").orElseThrow().inputType(0)).isEqualTo(bid);

    Run fast = run(typed, "typed", EvaluationStrategy.FAST_PATH_WHEN_SUPPORTED);
    Run typedCel = run(typed, "typed-cel", EvaluationStrategy.CEL_INTERPRETER);
    Run cel = run(withoutTypes(typed), "untyped", EvaluationStrategy.FAST_PATH_WHEN_SUPPORTED);

    String filter = "value.price > 100 && value.url.startsWith('h')";
    String map = typed.graph().vertex("euros").orElseThrow().settings().get("expression").toString();
    assertThat(fast.compiler().compiledClass)
        .containsEntry(filter, "FastCompiledExpression")
        .containsEntry(map, "FastCompiledExpression");
    assertThat(cel.compiler().compiledClass.get(filter)).isNotEqualTo("FastCompiledExpression");
    assertThat(cel.compiler().compiledClass.get(map)).isNotEqualTo("FastCompiledExpression");

    assertThat(typedCel.compiler().compiledClass.get(filter)).isNotEqualTo("FastCompiledExpression");

    // every record, including those of other Java types: exactly the typed CEL program's answers
    assertThat(fast.out()).isNotEmpty().isEqualTo(typedCel.out());
    assertThat(fast.bad()).isEqualTo(typedCel.bad());
    // the main output equals the untyped job's (the off-type records fail in both, at different nodes)
    assertThat(fast.out()).isEqualTo(cel.out());
    // the Integer price is normalised to int and passes; the double and the string fail the record
    assertThat(fast.out()).anyMatch(v -> v.contains("euros=225"));
    assertThat(fast.bad()).hasSize(2).anyMatch(v -> v.contains("150.5")).anyMatch(v -> v.contains("999"));
  }
}
