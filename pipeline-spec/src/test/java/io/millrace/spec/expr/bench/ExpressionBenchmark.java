package io.millrace.spec.expr.bench;

import io.millrace.spec.expr.CelExpressionCompiler;
import io.millrace.spec.expr.CompileResult;
import io.millrace.spec.expr.CompiledExpression;
import io.millrace.spec.expr.EvalResult;
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
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExpressionBenchmark {

  private CompiledExpression typedFilter;
  private CompiledExpression dynamicFilter;
  private CompiledExpression typedMap;
  private CompiledExpression typedLowerAscii;
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
    typedFilter = compile(compiler, "value.amount > 100", typed, ExpressionKind.PREDICATE);
    dynamicFilter = compile(compiler, "value.amount > 100", RecordType.dynamicRecord(), ExpressionKind.PREDICATE);
    typedMap = compile(compiler,
        "{'user': value.user, 'total': value.price * double(value.quantity), 'large': value.amount > 100}",
        typed, ExpressionKind.VALUE);
    typedLowerAscii = compile(compiler, "value.text.lowerAscii()", typed, ExpressionKind.VALUE);
    record = new HashMap<>();
    record.put("amount", 150L);
    record.put("user", "alice");
    record.put("price", 9.99);
    record.put("quantity", 3L);
    record.put("text", "Hello Millrace World");
    timestamp = 1_700_000_000_000L;
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
  public EvalResult filterDynamic() {
    return dynamicFilter.evaluate(record, null, timestamp);
  }

  @Benchmark
  public EvalResult mapNewRecordTyped() {
    return typedMap.evaluate(record, null, timestamp);
  }

  @Benchmark
  public EvalResult lowerAsciiTyped() {
    return typedLowerAscii.evaluate(record, null, timestamp);
  }
}
