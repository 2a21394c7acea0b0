package io.millrace.spec.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExpressionEvaluationTest {

  static final CelExpressionCompiler COMPILER = new CelExpressionCompiler();
  static final RecordType ORDER = CelExpressionCompilerTest.ORDER;

  static CompiledExpression compile(String text, RecordType type, ExpressionKind kind) {
    CompileResult result = COMPILER.compile(text, type, kind);
    assertThat(result).as(text).isInstanceOf(CompileResult.Compiled.class);
    return ((CompileResult.Compiled) result).expression();
  }

  static Object value(EvalResult result) {
    assertThat(result).isInstanceOf(EvalResult.Value.class);
    return ((EvalResult.Value) result).value();
  }

  static String failure(EvalResult result) {
    assertThat(result).isInstanceOf(EvalResult.Failed.class);
    return ((EvalResult.Failed) result).reason();
  }

  @Test
  void typedAndDynamicPathsAgree() {
    CompiledExpression typed = compile("value.amount > 100 && value.text.startsWith('a')", ORDER, ExpressionKind.PREDICATE);
    CompiledExpression dynamic = compile("value.amount > 100 && value.text.startsWith('a')", RecordType.dynamicRecord(), ExpressionKind.PREDICATE);

    for (var record : List.of(Map.of("amount", 150L, "text", "abc"), Map.of("amount", 50L, "text", "abc"),
        Map.of("amount", 150L, "text", "xyz"))) {
      assertThat(value(typed.evaluate(record, null, 0))).isEqualTo(value(dynamic.evaluate(record, null, 0)));
    }
    assertThat(value(typed.evaluate(Map.of("amount", 150L, "text", "abc"), null, 0))).isEqualTo(true);
  }

  @Test
  void recordModelNumbersAreNormalisedAndDynamicNumbersCompareAcrossIntAndDouble() {
    assertThat(value(compile("value.amount > 100", ORDER, ExpressionKind.PREDICATE)
        .evaluate(Map.of("amount", 150), null, 0))).isEqualTo(true);
    assertThat(value(compile("value.amount > 100", RecordType.dynamicRecord(), ExpressionKind.PREDICATE)
        .evaluate(Map.of("amount", 100.5), null, 0))).isEqualTo(true);
  }

  @Test
  void nullAndMissingFieldsOfDynamicRecords() {
    Map<String, Object> record = new HashMap<>();
    record.put("x", null);
    assertThat(value(compile("value.x == null", RecordType.dynamicRecord(), ExpressionKind.PREDICATE)
        .evaluate(record, null, 0))).isEqualTo(true);
    assertThat(value(compile("has(value.y)", RecordType.dynamicRecord(), ExpressionKind.PREDICATE)
        .evaluate(record, null, 0))).isEqualTo(false);
    assertThat(failure(compile("value.y > 1", RecordType.dynamicRecord(), ExpressionKind.PREDICATE)
        .evaluate(record, null, 0))).isEqualTo("at position 5: field 'y' is missing");
  }

  @Test
  void runtimeFailuresComeBackAsFailedNeverAsExceptions() {
    assertThat(failure(compile("value.amount / 0 > 1", ORDER, ExpressionKind.PREDICATE)
        .evaluate(Map.of("amount", 1L), null, 0))).contains("/ by zero");
    assertThat(failure(compile("value.amount + 9223372036854775807 > 0", ORDER, ExpressionKind.PREDICATE)
        .evaluate(Map.of("amount", 1L), null, 0))).contains("overflow");
    assertThat(failure(compile("value.amount > 1", ORDER, ExpressionKind.PREDICATE)
        .evaluate(Map.of("amount", "not a number"), null, 0))).contains("No matching overload");
    assertThat(failure(compile("value.tags[3] == 'x'", ORDER, ExpressionKind.PREDICATE)
        .evaluate(Map.of("tags", List.of("a")), null, 0))).contains("Index out of bounds");
    assertThat(failure(compile("int(value.text) > 1", ORDER, ExpressionKind.PREDICATE)
        .evaluate(Map.of("text", "12a"), null, 0))).contains("12a");
    assertThat(failure(compile("value.anything", RecordType.dynamicRecord(), ExpressionKind.VALUE)
        .evaluate("a plain string record", null, 0))).isNotBlank();
  }

  @Test
  void dynamicResultsAreCheckedAgainstTheKindPerRecord() {
    assertThat(failure(compile("value.flag", RecordType.dynamicRecord(), ExpressionKind.PREDICATE)
        .evaluate(Map.of("flag", "yes"), null, 0))).isEqualTo("the expression must yield a bool, got string");
    assertThat(failure(compile("value.items", RecordType.dynamicRecord(), ExpressionKind.LIST)
        .evaluate(Map.of("items", 3L), null, 0))).isEqualTo("the expression must yield a list, got int");
    assertThat(failure(compile("value.k", RecordType.dynamicRecord(), ExpressionKind.KEY)
        .evaluate(Map.of("k", 1.5), null, 0))).isEqualTo(
            "the expression must yield a string, int, bool, bytes or a list of these, got double");
    assertThat(failure(compile("value.t", RecordType.dynamicRecord(), ExpressionKind.TIMESTAMP)
        .evaluate(Map.of("t", "2020"), null, 0))).isEqualTo(
            "the expression must yield a timestamp or epoch milliseconds, got string");
  }

  @Test
  void eachKindReturnsItsRecordModelValue() {
    assertThat(value(compile("value.text.split(' ')", ORDER, ExpressionKind.LIST)
        .evaluate(Map.of("text", "a b"), null, 0))).isEqualTo(List.of("a", "b"));
    assertThat(value(compile("[value.text, value.amount]", ORDER, ExpressionKind.KEY)
        .evaluate(Map.of("text", "a", "amount", 2L), null, 0))).isEqualTo(List.of("a", 2L));
    assertThat(value(compile("value.at", ORDER, ExpressionKind.TIMESTAMP)
        .evaluate(Map.of("at", Instant.ofEpochMilli(1234)), null, 0))).isEqualTo(1234L);
    assertThat(value(compile("value.amount * 1000", ORDER, ExpressionKind.TIMESTAMP)
        .evaluate(Map.of("amount", 5L), null, 0))).isEqualTo(5000L);
    Object mapped = value(compile("{'bytes': b'\\x01', 'text': value.text, 'none': null}", ORDER, ExpressionKind.VALUE)
        .evaluate(Map.of("text", "t"), null, 0));
    assertThat(mapped).isInstanceOf(Map.class);
    assertThat((byte[]) ((Map<?, ?>) mapped).get("bytes")).containsExactly(1);
    assertThat(((Map<?, ?>) mapped).get("none")).isNull();
    assertThat(((Map<?, ?>) mapped).get("text")).isEqualTo("t");
  }

  @Test
  void keyAndTimestampVariables() {
    CompiledExpression expression = compile(
        "key == 'k1' && timestamp > timestamp('2020-01-01T00:00:00Z') && timestamp.getFullYear() == 2021",
        ORDER, ExpressionKind.PREDICATE);

    long in2021 = Instant.parse("2021-06-01T00:00:00Z").toEpochMilli();
    assertThat(value(expression.evaluate(Map.of(), "k1", in2021))).isEqualTo(true);
    assertThat(value(expression.evaluate(Map.of(), "k2", in2021))).isEqualTo(false);
    assertThat(value(expression.evaluate(Map.of(), "k1", 0L))).isEqualTo(false);
  }

  @Test
  void bytesInRecordsWorkWithCelBytesFunctions() {
    RecordType withBytes = RecordType.of(Map.of("payload", FieldType.BYTES));

    assertThat(value(compile("size(value.payload) == 3 && value.payload == b'abc'", withBytes, ExpressionKind.PREDICATE)
        .evaluate(Map.of("payload", "abc".getBytes()), null, 0))).isEqualTo(true);
  }

  @Test
  void namedVariablesForJoinsAndReduce() {
    ExpressionScope join = ExpressionScope.empty()
        .withRecord("left", RecordType.dynamicRecord())
        .withRecord("right", RecordType.dynamicRecord())
        .withScalar("timestamp", FieldType.TIMESTAMP);
    CompiledExpression select = compile("{'id': left.id, 'total': right.price * 2, 'ms': toEpochMillis(timestamp)}", null, join);

    Object result = value(select.evaluate(Map.of(
        "left", Map.of("id", "o1"), "right", Map.of("price", 4), "timestamp", 99L)));

    assertThat(result).isEqualTo(Map.of("id", "o1", "total", 8L, "ms", 99L));

    ExpressionScope reduce = ExpressionScope.empty()
        .withScalar("acc", FieldType.INT).withRecord("value", RecordType.of(Map.of("n", FieldType.INT)));
    assertThat(value(compile("acc + value.n", null, reduce)
        .evaluate(Map.of("acc", 10L, "value", Map.of("n", 5L))))).isEqualTo(15L);
    assertThat(failure(compile("acc + value.n", null, reduce).evaluate(Map.of("acc", 10L))))
        .isNotBlank();
  }

  static CompiledExpression compile(String text, Object unused, ExpressionScope scope) {
    CompileResult result = COMPILER.compile(text, scope, ExpressionKind.VALUE);
    assertThat(result).as(text).isInstanceOf(CompileResult.Compiled.class);
    return ((CompileResult.Compiled) result).expression();
  }

  @Test
  void comprehensionIterationsAreBounded() {
    var limited = new CelExpressionCompiler(new ExpressionLimits(4096, 32, 1000, 100, 1000, 8, 1000));
    CompiledExpression loop = ((CompileResult.Compiled) limited.compile(
        "value.items.map(x, value.items.map(y, x * y)).size()", RecordType.dynamicRecord(),
        ExpressionKind.VALUE)).expression();

    List<Long> tenItems = new ArrayList<>();
    for (long i = 0; i < 10; i++) {
      tenItems.add(i);
    }
    List<Long> twentyItems = new ArrayList<>(tenItems);
    twentyItems.addAll(tenItems);
    assertThat(value(loop.evaluate(Map.of("items", List.of(1L, 2L)), null, 0))).isEqualTo(2L);
    assertThat(failure(loop.evaluate(Map.of("items", twentyItems), null, 0)))
        .contains("Iteration budget exceeded: 100");
  }

  @Test
  void regexProgramSizeIsBounded() {
    CompiledExpression matches = compile("value.text.matches(value.pattern)", RecordType.dynamicRecord(), ExpressionKind.PREDICATE);

    assertThat(value(matches.evaluate(Map.of("text", "aab", "pattern", "a+b"), null, 0))).isEqualTo(true);
    assertThat(failure(matches.evaluate(Map.of("text", "aab", "pattern", "(a{1000}){1000}"), null, 0)))
        .contains("exceeds allowed program size");
  }

  @Test
  void valueFieldUsageFindsFieldsReadOrTheWholeValue() {
    assertThat(ValueFieldUsage.fieldsRead(ast("value.a > 1 && has(value.b) && value.c.d == 2")))
        .containsExactly("a", "b", "c");
    assertThat(ValueFieldUsage.fieldsRead(ast("size(value) > 1"))).isNull();
    assertThat(ValueFieldUsage.fieldsRead(ast("[1, 2].exists(value, value > 1)"))).isNull();
  }

  static dev.cel.common.ast.CelExpr ast(String text) {
    try {
      return dev.cel.compiler.CelCompilerFactory.standardCelCompilerBuilder()
          .setStandardMacros(dev.cel.parser.CelStandardMacro.STANDARD_MACROS)
          .build().parse(text).getAst().getExpr();
    } catch (dev.cel.common.CelValidationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void oneCompiledExpressionIsSafeToShareBetweenThreads() throws Exception {
    CompiledExpression expression = compile(
        "value.amount * 2 + size(value.text.split(','))", ORDER, ExpressionKind.VALUE);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        long offset = t * 1_000_000L;
        futures.add(pool.submit(() -> {
          int wrong = 0;
          for (long i = 0; i < 20_000; i++) {
            long amount = offset + i;
            Object result = value(expression.evaluate(Map.of("amount", amount, "text", "a,b,c"), null, 0));
            if (!Long.valueOf(amount * 2 + 3).equals(result)) {
              wrong++;
            }
          }
          return wrong;
        }));
      }
      for (Future<Integer> future : futures) {
        assertThat(future.get(60, TimeUnit.SECONDS)).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
