package io.millrace.spec.expr.bench;

import io.millrace.spec.expr.CelExpressionCompiler;
import io.millrace.spec.expr.CompileResult;
import io.millrace.spec.expr.CompiledExpression;
import io.millrace.spec.expr.EvalResult;
import io.millrace.spec.expr.EvaluationStrategy;
import io.millrace.spec.expr.ExpressionLimits;
import io.millrace.spec.expr.ExpressionKind;
import io.millrace.spec.expr.FieldType;
import io.millrace.spec.expr.RecordType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-record cost of evaluating compiled expressions, the engine's hot path. Run with
 * {@code mvn -pl pipeline-spec -Pbench test-compile exec:exec} (see docs/expressions.md).
 *
 * <p>The typed expressions run on the fast path; the {@code ...Cel} benchmarks run the same
 * expressions on the CEL interpreter ({@link EvaluationStrategy#CEL_INTERPRETER}) for comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExpressionBenchmark {

  private CompiledExpression typedFilter;
  private CompiledExpression typedFilterCel;
  private CompiledExpression dynamicFilter;
  private CompiledExpression typedMap;
  private CompiledExpression typedMapCel;
  private CompiledExpression typedLowerAscii;
  private CompiledExpression typedLowerAsciiCel;
  private Map<String, Object> record;
  private long timestamp;

  @Setup
  public void setUp() {
    Map<String, FieldType> fields = new LinkedHashMap<>();
    fields.put("amount", FieldType.INT);
    fields.put("user", FieldType.STRING);
    fields.put("price", FieldType.DOUBLE);
    fields.put("quantity", FieldType.INT);
    fields.put("text", FieldType.STRING);
    RecordType typed = RecordType.of(fields);
    var compiler = new CelExpressionCompiler();
    var cel = new CelExpressionCompiler(ExpressionLimits.defaults(), EvaluationStrategy.CEL_INTERPRETER);
    String filter = "value.amount > 100";
    String map = "{'user': value.user, 'total': value.price * double(value.quantity), 'large': value.amount > 100}";
    String lowerAscii = "value.text.lowerAscii()";
    typedFilter = fastPath(compile(compiler, filter, typed, ExpressionKind.PREDICATE));
    typedFilterCel = compile(cel, filter, typed, ExpressionKind.PREDICATE);
    dynamicFilter = compile(compiler, filter, RecordType.dynamicRecord(), ExpressionKind.PREDICATE);
    typedMap = fastPath(compile(compiler, map, typed, ExpressionKind.VALUE));
    typedMapCel = compile(cel, map, typed, ExpressionKind.VALUE);
    typedLowerAscii = fastPath(compile(compiler, lowerAscii, typed, ExpressionKind.VALUE));
    typedLowerAsciiCel = compile(cel, lowerAscii, typed, ExpressionKind.VALUE);
    record = new HashMap<>();
    record.put("amount", 150L);
    record.put("user", "alice");
    record.put("price", 9.99);
    record.put("quantity", 3L);
    record.put("text", "Hello Millrace World");
    timestamp = 1_700_000_000_000L;
  }

  /** Guards the benchmark against silently measuring the CEL fallback. */
  private static CompiledExpression fastPath(CompiledExpression expression) {
    if (!expression.getClass().getSimpleName().equals("FastCompiledExpression")) {
      throw new IllegalStateException("expected the fast path for " + expression.source());
    }
    return expression;
  }

  private static CompiledExpression compile(
      CelExpressionCompiler compiler, String text, RecordType type, ExpressionKind kind) {
    CompileResult result = compiler.compile(text, type, kind);
    if (!(result instanceof CompileResult.Compiled compiled)) {
      throw new IllegalStateException(text + ": " + result);
    }
    return compiled.expression();
  }

  @Benchmark
  public EvalResult filterTyped() {
    return typedFilter.evaluate(record, null, timestamp);
  }

  @Benchmark
  public EvalResult filterTypedCel() {
    return typedFilterCel.evaluate(record, null, timestamp);
  }

  @Benchmark
  public EvalResult filterDynamic() {
    return dynamicFilter.evaluate(record, null, timestamp);
  }

  @Benchmark
  public EvalResult mapNewRecordTyped() {
    return typedMap.evaluate(record, null, timestamp);
  }

  @Benchmark
  public EvalResult mapNewRecordTypedCel() {
    return typedMapCel.evaluate(record, null, timestamp);
  }

  @Benchmark
  public EvalResult lowerAsciiTyped() {
    return typedLowerAscii.evaluate(record, null, timestamp);
  }

  @Benchmark
  public EvalResult lowerAsciiTypedCel() {
    return typedLowerAsciiCel.evaluate(record, null, timestamp);
  }
}
