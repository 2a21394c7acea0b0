package io.millrace.spec.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.spec.expr.RandomTypedExpressions.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Differential test of the scoped fast path ({@link ScopedFastExpression}, explicit variables as
 * process, reduce and joins pass them) against the CEL program: the random expressions of {@link
 * RandomTypedExpressions}, rewritten so that their field reads go to typed scalar variables ({@code
 * n}, {@code x}, {@code s}, {@code f}, {@code t}, {@code y}) and to a second typed record {@code
 * acc}, plus list literals as the whole expression; each evaluated with random variables (missing,
 * null and wrongly typed ones included, timestamps as Instant or epoch millis, a non-map {@code
 * acc}). The fast path alone must agree with CEL or hand the case to it; {@code evaluate(Map)}
 * must always equal CEL.
 */
class ScopedFastPathDifferentialTest {

  private static final System.Logger TEST_LOG = System.getLogger(ScopedFastPathDifferentialTest.class.getName());

  private static final int EXPRESSIONS = 1_500;
  private static final int CASES_PER_EXPRESSION = 24;
  private static final Pattern FIELD_READ = Pattern.compile("(has\\()?value\\.(\\w+)");
  /** Which scalar variable stands for which schema field. */
  private static final Map<String, String> SCALARS =
      Map.of("i1", "n", "d1", "x", "s1", "s", "b1", "f", "t1", "t", "y1", "y");

  static final ExpressionScope SCOPE = ExpressionScope.forRecord(RecordType.of(RandomTypedExpressions.SCHEMA))
      .withRecord("acc", RecordType.of(RandomTypedExpressions.SCHEMA))
      .withScalar("n", FieldType.INT)
      .withScalar("x", FieldType.DOUBLE)
      .withScalar("s", FieldType.STRING)
      .withScalar("f", FieldType.BOOL)
      .withScalar("t", FieldType.TIMESTAMP)
      .withScalar("y", FieldType.BYTES);

  private final CelExpressionCompiler fast =
      new CelExpressionCompiler(ExpressionLimits.defaults(), EvaluationStrategy.FAST_PATH_WHEN_SUPPORTED);
  private final CelExpressionCompiler cel =
      new CelExpressionCompiler(ExpressionLimits.defaults(), EvaluationStrategy.CEL_INTERPRETER);
  private final Random random = new Random(4_242L);

  @Test
  void scopedFastPathAgreesWithCelOnRandomExpressionsAndVariables() {
    RandomTypedExpressions expressions = new RandomTypedExpressions(20_261_121L);
    RandomRecords records = new RandomRecords(99L);
    int compiled = 0;
    int fastCompiled = 0;
    int cases = 0;
    int deopts = 0;
    int fastValues = 0;
    int fastFailures = 0;
    int lists = 0;
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < EXPRESSIONS; i++) {
      Type type = Type.values()[i % Type.values().length];
      boolean list = i % 13 == 0;
      String generated = list
          ? "[" + expressions.mapLiteral(2) + ", " + expressions.of(type, 1) + "]"
          : expressions.of(type, 1 + i % 4);
      String text = scoped(generated);
      ExpressionKind kind = list ? ExpressionKind.LIST : type == Type.BOOL ? ExpressionKind.PREDICATE : ExpressionKind.VALUE;
      CompileResult viaCel = cel.compile(text, SCOPE, kind);
      CompileResult viaFast = fast.compile(text, SCOPE, kind);
      if (!(viaCel instanceof CompileResult.Compiled celCompiled)) {
        assertThat(viaFast).as(text).isEqualTo(viaCel);
        continue;
      }
      compiled++;
      if (!(((CompileResult.Compiled) viaFast).expression() instanceof ScopedFastExpression candidate)) {
        continue;
      }
      fastCompiled++;
      lists += list ? 1 : 0;
      for (int c = 0; c < CASES_PER_EXPRESSION; c++) {
        Map<String, Object> variables = variables(records);
        EvalResult expected = celCompiled.expression().evaluate(variables);
        EvalResult alone = candidate.evaluateFast(variables);
        EvalResult full = candidate.evaluate(variables);
        cases++;
        if (alone == null) {
          deopts++;
        } else if (alone instanceof EvalResult.Failed) {
          fastFailures++;
        } else {
          fastValues++;
        }
        if (((alone != null && !FastPathDifferentialTest.same(alone, expected))
            || !FastPathDifferentialTest.same(full, expected)) && mismatches.size() < 15) {
          mismatches.add(text + " with " + variables + ": CEL " + expected + ", fast " + alone + ", evaluate " + full);
        }
      }
    }
    TEST_LOG.log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT, "scoped fast path differential: compiled=%d fastCompiled=%d (lists %d) cases=%d deopts=%d "
        + "fastValues=%d fastFailures=%d", compiled, fastCompiled, lists, cases, deopts, fastValues, fastFailures));
    assertThat(mismatches).as("scoped fast path vs CEL disagreements").isEmpty();
    // The rewritten expressions must really exercise the scoped path, list literals included.
    assertThat(compiled).isGreaterThan(EXPRESSIONS * 8 / 10);
    assertThat(fastCompiled).isGreaterThan(compiled * 8 / 10);
    assertThat(lists).isGreaterThan(EXPRESSIONS / 13 / 2);
    assertThat(fastValues).isGreaterThan(cases / 3);
    assertThat(fastFailures).isGreaterThan(cases / 100);
    assertThat(deopts).isGreaterThan(0).isLessThan(cases / 2);
  }

  /** Field reads of {@code value} go to a scalar variable, to {@code acc}, or stay on {@code value}. */
  private String scoped(String expression) {
    Matcher m = FIELD_READ.matcher(expression);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String field = m.group(2);
      String replacement;
      if (m.group(1) == null && SCALARS.containsKey(field) && random.nextInt(3) > 0) {
        replacement = SCALARS.get(field);
      } else {
        replacement = (m.group(1) == null ? "" : "has(") + (random.nextBoolean() ? "acc." : "value.") + field;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private Map<String, Object> variables(RandomRecords records) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("value", records.next());
    variables.put("acc", random.nextInt(12) == 0 ? "not a record" : records.next());
    variables.put("key", records.key());
    long timestamp = records.timestamp();
    variables.put("timestamp", random.nextBoolean() ? Instant.ofEpochMilli(timestamp) : timestamp);
    // The scalars come from a random record: mostly of the declared type, sometimes missing, null
    // or of another Java type.
    Map<String, Object> source = records.next();
    SCALARS.forEach((field, name) -> {
      if (source.containsKey(field)) {
        Object raw = source.get(field);
        variables.put(name, raw instanceof Instant instant && random.nextBoolean() ? instant.toEpochMilli() : raw);
      }
    });
    return variables;
  }
}
