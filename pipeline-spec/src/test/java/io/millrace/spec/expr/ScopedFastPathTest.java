package io.millrace.spec.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which scoped expressions take the scoped fast path, and the process handler of the Nexmark keyed
 * running count evaluated on it with CEL's results, including the deopt cases.
 */
class ScopedFastPathTest {

  private static final CelExpressionCompiler FAST = new CelExpressionCompiler();
  private static final CelExpressionCompiler CEL =
      new CelExpressionCompiler(ExpressionLimits.defaults(), EvaluationStrategy.CEL_INTERPRETER);
  /** A process node's scope: typed input, a typed value state, a dyn one and a list one. */
  private static final ExpressionScope PROCESS =
      ExpressionScope.forRecord(RecordType.of(Map.of("bidder", FieldType.INT, "price", FieldType.DOUBLE)))
          .withScalar("count", FieldType.INT)
          .withScalar("last", FieldType.ANY)
          .withScalar("seen", FieldType.LIST);

  private static CompiledExpression compile(CelExpressionCompiler compiler, String text, ExpressionScope scope, ExpressionKind kind) {
    CompileResult result = compiler.compile(text, scope, kind);
    assertThat(result).as(text).isInstanceOf(CompileResult.Compiled.class);
    return ((CompileResult.Compiled) result).expression();
  }

  private static Map<String, Object> variables(Object value, Object count) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("value", value);
    variables.put("key", 7L);
    variables.put("timestamp", Instant.ofEpochMilli(1_000L));
    variables.put("count", count);
    variables.put("last", null);
    variables.put("seen", List.of());
    return variables;
  }

  @Test
  void runningCountHandlerRunsOnTheFastPathWithCelsResults() {
    String update = "count + 1";
    String emit = "[{'bidder': value.bidder, 'count': count + 1}]";
    ScopedFastExpression fastUpdate = (ScopedFastExpression) compile(FAST, update, PROCESS, ExpressionKind.VALUE);
    ScopedFastExpression fastEmit = (ScopedFastExpression) compile(FAST, emit, PROCESS, ExpressionKind.LIST);
    Map<String, Object> vars = variables(Map.of("bidder", 42L, "price", 1.5), 9L);

    assertThat(fastUpdate.evaluateFast(vars)).isEqualTo(new EvalResult.Value(10L));
    assertThat(fastEmit.evaluateFast(vars)).isEqualTo(new EvalResult.Value(List.of(Map.of("bidder", 42L, "count", 10L))));
    assertThat(fastEmit.evaluateFast(vars))
        .isEqualTo(compile(CEL, emit, PROCESS, ExpressionKind.LIST).evaluate(vars));
  }

  @Test
  void failuresMatchCelAndWrongRuntimeTypesGoToCel() {
    String emit = "[{'bidder': value.bidder, 'count': count + 1}]";
    ScopedFastExpression fast = (ScopedFastExpression) compile(FAST, emit, PROCESS, ExpressionKind.LIST);
    CompiledExpression cel = compile(CEL, emit, PROCESS, ExpressionKind.LIST);

    Map<String, Object> overflow = variables(Map.of("bidder", 1L), Long.MAX_VALUE);
    assertThat(fast.evaluateFast(overflow)).isInstanceOf(EvalResult.Failed.class);
    assertThat(FastPathDifferentialTest.same(fast.evaluateFast(overflow), cel.evaluate(overflow))).isTrue();

    Map<String, Object> missingField = variables(Map.of("price", 1.0), 1L);
    assertThat(FastPathDifferentialTest.same(fast.evaluateFast(missingField), cel.evaluate(missingField))).isTrue();

    // An Integer count, a null count, a value that is not a record: the fast path declines, and
    // evaluate(Map) gives CEL's answer.
    for (Map<String, Object> odd : List.of(variables(Map.of("bidder", 1L), 3), variables(Map.of("bidder", 1L), null),
        variables("text", 1L))) {
      assertThat(fast.evaluateFast(odd)).as("%s", odd).isNull();
      assertThat(FastPathDifferentialTest.same(fast.evaluate(odd), cel.evaluate(odd))).as("%s", odd).isTrue();
    }
  }

  @Test
  void dynVariablesDynamicRecordsAndWholeRecordsKeepTheCelProgram() {
    assertThat(compile(FAST, "last == 1", PROCESS, ExpressionKind.PREDICATE)).isNotInstanceOf(ScopedFastExpression.class);
    assertThat(compile(FAST, "size(seen) > 0", PROCESS, ExpressionKind.PREDICATE)).isNotInstanceOf(ScopedFastExpression.class);
    assertThat(compile(FAST, "[value]", PROCESS, ExpressionKind.LIST)).isNotInstanceOf(ScopedFastExpression.class);
    ExpressionScope dynamic = ExpressionScope.forRecord(RecordType.dynamicRecord()).withScalar("count", FieldType.INT);
    assertThat(compile(FAST, "value.bidder == 1", dynamic, ExpressionKind.PREDICATE))
        .isNotInstanceOf(ScopedFastExpression.class);
    assertThat(compile(FAST, "count > 1 && timestamp > timestamp('2020-01-01T00:00:00Z')", dynamic, ExpressionKind.PREDICATE))
        .isNotInstanceOf(ScopedFastExpression.class);
    assertThat(compile(FAST, "count > 1 && key == 7", dynamic, ExpressionKind.PREDICATE))
        .isInstanceOf(ScopedFastExpression.class);
  }

  @Test
  void aJoinSelectOverTwoTypedRecordsRunsOnTheFastPath() {
    // JoinSelect's scope, with the record types the plan gives left and right.
    ExpressionScope join = ExpressionScope.empty()
        .withRecord("left", RecordType.of(Map.of("id", FieldType.INT, "name", FieldType.STRING)))
        .withRecord("right", RecordType.of(Map.of("id", FieldType.INT, "price", FieldType.DOUBLE)))
        .withScalar("key", FieldType.ANY);
    String select = "{'id': key, 'name': left.name.upperAscii(), 'gross': right.price * 1.2, 'same': left.id == right.id}";
    ScopedFastExpression fast = (ScopedFastExpression) compile(FAST, select, join, ExpressionKind.VALUE);
    Map<String, Object> vars = new HashMap<>();
    vars.put("left", Map.of("id", 3L, "name", "ann"));
    vars.put("right", Map.of("id", 3L, "price", 10.0));
    vars.put("key", 3L);

    EvalResult result = fast.evaluateFast(vars);
    assertThat(result).isInstanceOf(EvalResult.Value.class);
    assertThat(FastPathDifferentialTest.same(result, compile(CEL, select, join, ExpressionKind.VALUE).evaluate(vars))).isTrue();
    assertThat(((Map<?, ?>) ((EvalResult.Value) result).value()).get("name")).isEqualTo("ANN");
  }

  @Test
  void aListLiteralIsNotAKey() {
    assertThat(compile(FAST, "[value.bidder, count]", PROCESS, ExpressionKind.KEY)).isNotInstanceOf(ScopedFastExpression.class);
  }
}
