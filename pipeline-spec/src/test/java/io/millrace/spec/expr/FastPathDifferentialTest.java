package io.millrace.spec.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.spec.expr.RandomTypedExpressions.Type;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Differential test of the typed fast path against the CEL-java program it replaces: thousands of
 * seeded random expressions in (and around) the subset, each evaluated on random records with
 * edge values, missing and null fields and values of undeclared types. For every case the fast
 * path alone ({@link FastCompiledExpression#evaluateFast}, which lets bugs through instead of
 * falling back) must give the same value, or fail with the same reason, as the CEL program; or
 * hand the record to CEL (deopt) — and the full {@code evaluate} must always equal CEL.
 */
class FastPathDifferentialTest {

  private static final System.Logger TEST_LOG = System.getLogger(FastPathDifferentialTest.class.getName());

  private static final int EXPRESSIONS = 1_500;
  private static final int RECORDS_PER_EXPRESSION = 24;

  private final CelExpressionCompiler fast =
      new CelExpressionCompiler(ExpressionLimits.defaults(), EvaluationStrategy.FAST_PATH_WHEN_SUPPORTED);
  private final CelExpressionCompiler cel =
      new CelExpressionCompiler(ExpressionLimits.defaults(), EvaluationStrategy.CEL_INTERPRETER);
  private final RecordType recordType = RecordType.of(RandomTypedExpressions.SCHEMA);

  @Test
  void fastPathAgreesWithCelOnRandomExpressionsAndRecords() {
    RandomTypedExpressions expressions = new RandomTypedExpressions(20_240_601L);
    RandomRecords records = new RandomRecords(77L);
    Tally tally = new Tally();
    for (int i = 0; i < EXPRESSIONS; i++) {
      Type type = Type.values()[i % Type.values().length];
      boolean map = i % 11 == 0;
      String text = map ? expressions.mapLiteral(2) : expressions.of(type, 1 + i % 4);
      ExpressionKind kind = kindFor(type, map, i);
      check(text, kind, records, tally);
    }
    TEST_LOG.log(System.Logger.Level.INFO, "fast path differential: {0}", tally);
    assertThat(tally.mismatches).as("fast path vs CEL disagreements").isEmpty();
    // The generator must really exercise the fast path: nearly every expression in it, most records
    // decided by it, both values and failures compared.
    assertThat(tally.compiled).isGreaterThan(EXPRESSIONS * 8 / 10);
    assertThat(tally.fastCompiled).isGreaterThan(tally.compiled * 9 / 10);
    assertThat(tally.fastValues).isGreaterThan(tally.cases / 2);
    assertThat(tally.fastFailures).isGreaterThan(tally.cases / 50);
    assertThat(tally.deopts).isLessThan(tally.cases / 3);
  }

  private static ExpressionKind kindFor(Type type, boolean map, int i) {
    if (map) {
      return ExpressionKind.VALUE;
    }
    return switch (type) {
      case BOOL -> ExpressionKind.PREDICATE;
      case TIMESTAMP -> i % 2 == 0 ? ExpressionKind.TIMESTAMP : ExpressionKind.VALUE;
      case INT, STRING -> i % 3 == 0 ? ExpressionKind.KEY : ExpressionKind.VALUE;
      default -> ExpressionKind.VALUE;
    };
  }

  private void check(String text, ExpressionKind kind, RandomRecords records, Tally tally) {
    CompileResult viaCel = cel.compile(text, recordType, kind);
    CompileResult viaFast = fast.compile(text, recordType, kind);
    if (!(viaCel instanceof CompileResult.Compiled celCompiled)) {
      assertThat(viaFast).as(text).isEqualTo(viaCel);
      return;
    }
    tally.compiled++;
    CompiledExpression candidate = ((CompileResult.Compiled) viaFast).expression();
    if (!(candidate instanceof FastCompiledExpression fastExpression)) {
      return;
    }
    tally.fastCompiled++;
    for (int r = 0; r < RECORDS_PER_EXPRESSION; r++) {
      Map<String, Object> record = records.next();
      Object key = records.key();
      long timestamp = records.timestamp();
      EvalResult expected = celCompiled.expression().evaluate(record, key, timestamp);
      EvalResult alone = fastExpression.evaluateFast(record, key, timestamp);
      EvalResult full = fastExpression.evaluate(record, key, timestamp);
      tally.cases++;
      if (alone == null) {
        tally.deopts++;
      } else if (alone instanceof EvalResult.Failed) {
        tally.fastFailures++;
      } else {
        tally.fastValues++;
      }
      if ((alone != null && !same(alone, expected)) || !same(full, expected)) {
        tally.mismatch(text + " on " + record + ", key=" + key + ", ts=" + timestamp
            + ": CEL " + expected + ", fast " + alone + ", evaluate " + full);
      }
    }
  }

  static boolean same(EvalResult a, EvalResult b) {
    if (a instanceof EvalResult.Failed fa && b instanceof EvalResult.Failed fb) {
      return fa.reason().equals(fb.reason());
    }
    if (a instanceof EvalResult.Value va && b instanceof EvalResult.Value vb) {
      return comparable(va.value()).equals(comparable(vb.value()));
    }
    return false;
  }

  /** byte[] by content, maps with their entry order, NaN equal to NaN, 0.0 unequal to -0.0 (Double.equals). */
  private static Object comparable(Object value) {
    if (value == null) {
      return "<null>";
    }
    if (value instanceof byte[] bytes) {
      return "bytes:" + HexFormat.of().formatHex(bytes);
    }
    if (value instanceof Map<?, ?> map) {
      List<Object> entries = new ArrayList<>();
      map.forEach((k, v) -> entries.add(List.of(comparable(k), comparable(v))));
      return entries;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(FastPathDifferentialTest::comparable).toList();
    }
    return value;
  }

  private static final class Tally {
    int compiled;
    int fastCompiled;
    int cases;
    int deopts;
    int fastValues;
    int fastFailures;
    final List<String> mismatches = new ArrayList<>();

    void mismatch(String description) {
      if (mismatches.size() < 15) {
        mismatches.add(description);
      }
    }

    @Override
    public String toString() {
      return new LinkedHashMap<>(Map.of("compiled", compiled, "fastCompiled", fastCompiled, "cases", cases,
          "deopts", deopts, "fastValues", fastValues, "fastFailures", fastFailures)).toString();
    }
  }
}
