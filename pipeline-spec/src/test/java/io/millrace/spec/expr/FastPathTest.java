package io.millrace.spec.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tricky semantics of the typed fast path, case by case, each checked against the CEL program
 * ({@link EvaluationStrategy#CEL_INTERPRETER}) and against the value CEL-java is known to give;
 * plus which expressions take the fast path, and that a typed predicate allocates nothing.
 */
class FastPathTest {

  private static final CelExpressionCompiler FAST = new CelExpressionCompiler();
  private static final CelExpressionCompiler CEL =
      new CelExpressionCompiler(ExpressionLimits.defaults(), EvaluationStrategy.CEL_INTERPRETER);
  private static final RecordType TYPE = RecordType.of(RandomTypedExpressions.SCHEMA);

  private static CompiledExpression compile(CelExpressionCompiler compiler, String text, RecordType type, ExpressionKind kind) {
    CompileResult result = compiler.compile(text, type, kind);
    assertThat(result).as(text).isInstanceOf(CompileResult.Compiled.class);
    return ((CompileResult.Compiled) result).expression();
  }

  /** Evaluates on the fast path (asserting it is taken) and on CEL; asserts both agree; returns the result. */
  private static EvalResult both(String text, ExpressionKind kind, Map<String, ?> record) {
    CompiledExpression fast = compile(FAST, text, TYPE, kind);
    assertThat(fast).as(text).isInstanceOf(FastCompiledExpression.class);
    EvalResult viaCel = compile(CEL, text, TYPE, kind).evaluate(record, null, 0);
    EvalResult alone = ((FastCompiledExpression) fast).evaluateFast(record, null, 0);
    assertThat(alone).as(text + " must be decided by the fast path").isNotNull();
    assertThat(FastPathDifferentialTest.same(alone, viaCel)).as(text + ": fast " + alone + " vs CEL " + viaCel).isTrue();
    return alone;
  }

  private static EvalResult predicate(String text, Map<String, ?> record) {
    return both(text, ExpressionKind.PREDICATE, record);
  }

  private static Map<String, Object> record(Object... pairs) {
    Map<String, Object> record = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      record.put((String) pairs[i], pairs[i + 1]);
    }
    return record;
  }

  private static EvalResult.Value value(Object v) {
    return new EvalResult.Value(v);
  }

  /**
   * Once hot, HotSpot replaces an implicit {@code / by zero} with a preallocated exception without a
   * message; the failure reason (routed to the dead-letter output) must not depend on that.
   */
  @Test
  void divisionByZeroKeepsItsReasonWhenHot() {
    CompiledExpression divide = compile(FAST, "value.i1 / value.i2 > 0", TYPE, ExpressionKind.PREDICATE);
    CompiledExpression modulo = compile(FAST, "value.i1 % value.i2 > 0", TYPE, ExpressionKind.PREDICATE);
    Map<String, Object> zero = record("i1", 7L, "i2", 0L);
    for (int i = 0; i < 200_000; i++) {
      EvalResult d = divide.evaluate(zero, null, 0);
      EvalResult m = modulo.evaluate(zero, null, 0);
      assertThat(((EvalResult.Failed) d).reason()).endsWith("/ by zero");
      assertThat(((EvalResult.Failed) m).reason()).endsWith("/ by zero");
    }
  }

  @Test
  void intArithmeticFailsOnOverflowAndDivisionByZero() {
    assertThat(predicate("value.i1 + 1 > 0", record("i1", Long.MAX_VALUE)))
        .isEqualTo(new EvalResult.Failed("at position 9: long overflow"));
    assertThat(predicate("value.i1 * 2 > 0", record("i1", Long.MIN_VALUE))).isInstanceOf(EvalResult.Failed.class);
    assertThat(predicate("-value.i1 > 0", record("i1", Long.MIN_VALUE))).isInstanceOf(EvalResult.Failed.class);
    assertThat(predicate("value.i1 / value.i2 > 0", record("i1", 1L, "i2", 0L)))
        .isEqualTo(new EvalResult.Failed("at position 9: / by zero"));
    assertThat(predicate("value.i1 % value.i2 == 0", record("i1", 1L, "i2", 0L))).isInstanceOf(EvalResult.Failed.class);
    assertThat(predicate("value.i1 / -1 > 0", record("i1", Long.MIN_VALUE)))
        .isEqualTo(new EvalResult.Failed("at position 9: most negative number wraps"));
    assertThat(predicate("value.i1 % -1 == 0", record("i1", Long.MIN_VALUE))).isEqualTo(value(true));
    assertThat(predicate("int(value.d1) > 0", record("d1", Double.NaN))).isInstanceOf(EvalResult.Failed.class);
    assertThat(predicate("int(value.d1) < 0", record("d1", -0x1p63))).isEqualTo(value(true));
    assertThat(predicate("value.d1 / 0.0 > 1e308", record("d1", 1.0))).isEqualTo(value(true));
  }

  @Test
  void andOrAbsorbAnErrorWhenTheOtherSideDecides() {
    Map<String, Object> zero = record("i1", 1L, "i2", 0L, "b1", true, "b2", false);
    String error = "value.i1 / value.i2 > 0";
    assertThat(predicate(error + " && value.b2", zero)).isEqualTo(value(false));
    assertThat(predicate("value.b2 && " + error, zero)).isEqualTo(value(false));
    assertThat(predicate(error + " && value.b1", zero)).isInstanceOf(EvalResult.Failed.class);
    assertThat(predicate(error + " || value.b1", zero)).isEqualTo(value(true));
    assertThat(predicate("value.b1 || " + error, zero)).isEqualTo(value(true));
    assertThat(predicate(error + " || value.b2", zero)).isInstanceOf(EvalResult.Failed.class);
    // Both sides fail: the left error is reported.
    assertThat(predicate(error + " || value.s1 == 'x'", record("i1", 1L, "i2", 0L)))
        .isEqualTo(new EvalResult.Failed("at position 9: / by zero"));
    assertThat(predicate("!(" + error + ") ? true : false", zero)).isInstanceOf(EvalResult.Failed.class);
  }

  @Test
  void numbersCompareAcrossIntAndDoubleAsCelJavaDoes() {
    assertThat(predicate("value.i1 < value.d1", record("i1", 1L, "d1", 1.5))).isEqualTo(value(true));
    assertThat(predicate("value.i1 >= value.d1 && value.i1 <= value.d1", record("i1", 3L, "d1", 3.0))).isEqualTo(value(true));
    // CEL-java orders int against double with Double.compare: NaN above every int, -0.0 below 0.
    assertThat(predicate("value.d1 > value.i1", record("d1", Double.NaN, "i1", Long.MAX_VALUE))).isEqualTo(value(true));
    assertThat(predicate("value.d1 < 0", record("d1", -0.0))).isEqualTo(value(true));
    assertThat(predicate("value.d1 >= 0", record("d1", -0.0))).isEqualTo(value(false));
    // double against double is IEEE.
    assertThat(predicate("value.d1 > 1.0", record("d1", Double.NaN))).isEqualTo(value(false));
    assertThat(predicate("value.d1 == 0.0", record("d1", -0.0))).isEqualTo(value(true));
    // Equality tests identity first: a NaN field equals itself, a computed NaN does not.
    assertThat(predicate("value.d1 == value.d1", record("d1", Double.NaN))).isEqualTo(value(true));
    assertThat(predicate("value.d1 + 0.0 == value.d1 + 0.0", record("d1", Double.NaN))).isEqualTo(value(false));
    assertThat(predicate("value.d1 in [1.0, value.d2]", record("d1", Double.NaN, "d2", Double.NaN))).isEqualTo(value(true));
    assertThat(predicate("value.d1 in [0.0]", record("d1", -0.0))).isEqualTo(value(true));
    assertThat(predicate("value.i1 > 9.3e18", record("i1", Long.MAX_VALUE))).isEqualTo(value(false));
  }

  @Test
  void stringsCompareByUtf16CodeUnitsAndCountCodePoints() {
    // U+E000 sorts after the surrogate pair of U+1F600 in UTF-16 (CEL-java uses String.compareTo).
    assertThat(predicate("value.s1 < value.s2", record("s1", "\uE000", "s2", "\uD83D\uDE00"))).isEqualTo(value(false));
    assertThat(predicate("size(value.s1) == 1", record("s1", "\uD83D\uDE00"))).isEqualTo(value(true));
    assertThat(both("value.s1.lowerAscii() + value.s2.upperAscii()", ExpressionKind.VALUE, record("s1", "ÄBC", "s2", "äbc")))
        .isEqualTo(value("ÄbcäBC"));
    assertThat(predicate("value.s1.contains('') && value.s1.startsWith('') && ''.endsWith('')", record("s1", "")))
        .isEqualTo(value(true));
  }

  @Test
  void missingFieldsFailWithCelsReasonAndOddValuesGoToCel() {
    assertThat(predicate("value.i1 > 100", record()))
        .isEqualTo(new EvalResult.Failed("at position 5: field 'i1' is missing"));
    assertThat(predicate("has(value.i1)", record("i1", null))).isEqualTo(value(true));

    // A value of another type than declared: the fast path hands the record to CEL, which decides.
    CompiledExpression fast = compile(FAST, "value.i1 > 100", TYPE, ExpressionKind.PREDICATE);
    for (Map<String, Object> odd : List.of(record("i1", 150), record("i1", null), record("i1", "150"))) {
      assertThat(((FastCompiledExpression) fast).evaluateFast(odd, null, 0)).as("%s", odd).isNull();
      assertThat(fast.evaluate(odd, null, 0))
          .isEqualTo(compile(CEL, "value.i1 > 100", TYPE, ExpressionKind.PREDICATE).evaluate(odd, null, 0));
    }
    assertThat(fast.evaluate(record("i1", 150), null, 0)).isEqualTo(value(true)); // Integer, normalised by CEL
    assertThat(fast.evaluate("not a record", null, 0)).isInstanceOf(EvalResult.Failed.class);
  }

  @Test
  void mapLiteralsBuildRecordsLikeCel() {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("user", "alice");
    expected.put("total", 29.97);
    expected.put("large", true);
    expected.put("missing", null);
    assertThat(both("{'user': value.s1, 'total': value.d1 * double(value.i1), 'large': value.i2 > 100, 'missing': null}",
        ExpressionKind.VALUE, record("s1", "alice", "d1", 9.99, "i1", 3L, "i2", 150L)))
        .isEqualTo(value(expected));
  }

  @Test
  void keysTimestampsAndKeyKindResults() {
    CompiledExpression keyEquals = compile(FAST, "key == 'k' || key == 5", TYPE, ExpressionKind.PREDICATE);
    assertThat(keyEquals).isInstanceOf(FastCompiledExpression.class);
    assertThat(keyEquals.evaluate(record(), "k", 0)).isEqualTo(value(true));
    assertThat(keyEquals.evaluate(record(), 5.0, 0)).isEqualTo(value(true));
    assertThat(keyEquals.evaluate(record(), null, 0)).isEqualTo(value(false));

    CompiledExpression watermark = compile(FAST, "value.t1", TYPE, ExpressionKind.TIMESTAMP);
    assertThat(watermark).isInstanceOf(FastCompiledExpression.class);
    assertThat(watermark.evaluate(record("t1", Instant.ofEpochMilli(1234)), null, 0)).isEqualTo(value(1234L));

    CompiledExpression late = compile(FAST, "value.t1 < timestamp", TYPE, ExpressionKind.PREDICATE);
    assertThat(late.evaluate(record("t1", Instant.ofEpochMilli(1)), null, 2)).isEqualTo(value(true));

    CompiledExpression key = compile(FAST, "value.i1", TYPE, ExpressionKind.KEY);
    assertThat(key).isInstanceOf(FastCompiledExpression.class);
    assertThat(key.evaluate(record("i1", 7L), null, 0)).isEqualTo(value(7L));
    CompiledExpression dynamicKey = compile(FAST, "value.a1", TYPE, ExpressionKind.KEY);
    assertThat(dynamicKey.evaluate(record("a1", 2.5), null, 0))
        .isEqualTo(new EvalResult.Failed("the expression must yield a string, int, bool, bytes or a list of these, got double"));
  }

  @Test
  void theSubsetIsDecidedPerExpressionAtCompileTime() {
    for (String covered : List.of("value.i1 > 100", "value.s1.lowerAscii()", "value.s1 in ['a', 'b']",
        "has(value.s1) ? value.s1 : 'none'", "value.d1 * double(value.i1)", "value.y1 == b'ab'", "size(value.y1)",
        "{'a': value.i1, 'b': key}", "[value.i1]", "[{'a': value.i1}, 1]", "string(value.i1) + '!'", "-value.d1 <= 0.5", "value.a1 == 'x'")) {
      assertThat(compile(FAST, covered, TYPE, ExpressionKind.VALUE)).as(covered).isInstanceOf(FastCompiledExpression.class);
    }
    for (String fallback : List.of("[1, 2].exists(x, x > value.i1)", "value.s1.matches('a+')", "value",
        "value.a1 > 1", "value.s1.split(',')", "1u < 2u", "duration('1s') < duration('2s')", "value.i1 in [1, 2.0]",
        "{'a': 1, 'a': 2}", "[value.i1, [1]]", "value.s1.trim()")) {
      assertThat(compile(FAST, fallback, TYPE, ExpressionKind.VALUE)).as(fallback).isInstanceOf(CelCompiledExpression.class);
    }
    // Dynamic records keep the CEL program; scopes other than value/key/timestamp take the scoped
    // fast path (ScopedFastPathTest), unless they read a dynamic record.
    assertThat(compile(FAST, "value.amount > 1", RecordType.dynamicRecord(), ExpressionKind.PREDICATE))
        .isInstanceOf(CelCompiledExpression.class);
    ExpressionScope reduce = ExpressionScope.empty().withRecord("acc", TYPE).withRecord("value", TYPE);
    assertThat(((CompileResult.Compiled) FAST.compile("value.i1 > acc.i1", reduce, ExpressionKind.PREDICATE)).expression())
        .isInstanceOf(ScopedFastExpression.class);
    ExpressionScope dynamicReduce = ExpressionScope.empty().withRecord("acc", RecordType.dynamicRecord()).withRecord("value", TYPE);
    assertThat(((CompileResult.Compiled) FAST.compile("value.i1 > 1 && acc.n > 1", dynamicReduce, ExpressionKind.PREDICATE))
        .expression()).isInstanceOf(CelCompiledExpression.class);
    // The CEL strategy never takes the fast path.
    assertThat(compile(CEL, "value.i1 > 100", TYPE, ExpressionKind.PREDICATE)).isInstanceOf(CelCompiledExpression.class);
  }

  @Test
  void aTypedPredicateAllocatesNothingPerRecord() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);
    CompiledExpression filter = compile(FAST,
        "value.i1 > 100 && value.s1.startsWith('a') && value.d1 < 1e6 && !value.b1", TYPE, ExpressionKind.PREDICATE);
    Map<String, Object> record = record("i1", 150L, "s1", "alice", "d1", 9.99, "b1", false);
    int evaluations = 200_000;
    for (int i = 0; i < 20_000; i++) {
      filter.evaluate(record, null, i);
    }
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    int trues = 0;
    for (int i = 0; i < evaluations; i++) {
      if (filter.evaluate(record, null, i) == ResultShaping.TRUE) {
        trues++;
      }
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    assertThat(trues).isEqualTo(evaluations);
    // A few hundred bytes of measurement noise at most; one boxed value per record would be 3.2 MB.
    assertThat(allocated).as("bytes allocated by %d evaluations", evaluations).isLessThan(10_000);
  }
}
