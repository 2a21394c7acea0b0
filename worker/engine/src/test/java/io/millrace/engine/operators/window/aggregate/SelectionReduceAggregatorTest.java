package io.millrace.engine.operators.window.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.engine.operators.RecordFailure;
import io.millrace.spec.expr.CelExpressionCompiler;
import io.millrace.spec.expr.CompileResult;
import io.millrace.spec.expr.ExpressionKind;
import io.millrace.spec.expr.ExpressionScope;
import io.millrace.spec.expr.FieldType;
import io.millrace.spec.expr.RecordType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The native selection reduce gives exactly what the CEL interpreter gives, failures included. */
class SelectionReduceAggregatorTest {

  private static ReduceAggregator cel(String expression) {
    ExpressionScope scope = ExpressionScope.empty().withRecord("acc", RecordType.dynamicRecord())
        .withRecord("value", RecordType.dynamicRecord()).withScalar("key", FieldType.ANY);
    var compiled = (CompileResult.Compiled) new CelExpressionCompiler().compile(expression, scope, ExpressionKind.VALUE);
    return new ReduceAggregator("r", compiled.expression());
  }

  @Test
  void recognizesOnlyTheSelectionShape() {
    assertThat(SelectionReduceAggregator.recognize("r", "acc.price >= value.price ? acc : value")).isPresent();
    assertThat(SelectionReduceAggregator.recognize("r", " acc.bids<value.bids?acc:value ")).isPresent();
    assertThat(SelectionReduceAggregator.recognize("r", "acc.price >= value.bid ? acc : value")).isEmpty();
    assertThat(SelectionReduceAggregator.recognize("r", "acc.price >= value.price ? value : acc")).isEmpty();
    assertThat(SelectionReduceAggregator.recognize("r", "acc.price + 1 >= value.price ? acc : value")).isEmpty();
  }

  @Test
  void agreesWithCelOnValuesTiesAndFailures() {
    List<Object> values = new ArrayList<>(List.of(
        Map.of("p", 1L, "id", "a"), Map.of("p", 1L, "id", "b"), Map.of("p", 2.5, "id", "c"), Map.of("p", 2L, "id", "d"),
        Map.of("p", "text", "id", "e"), Map.of("p", "other", "id", "f"), Map.of("p", Instant.ofEpochMilli(5), "id", "g"),
        Map.of("q", 1L, "id", "h"), Map.of("p", true, "id", "i"), Map.of("p", List.of(1L), "id", "j")));
    for (String op : List.of(">=", ">", "<=", "<")) {
      String expression = "acc.p " + op + " value.p ? acc : value";
      Aggregator natively = SelectionReduceAggregator.recognize("r", expression).orElseThrow();
      ReduceAggregator interpreted = cel(expression);
      for (Object a : values) {
        for (Object b : values) {
          Object expected;
          try {
            expected = interpreted.merge(a, b);
          } catch (RecordFailure failure) {
            expected = "failed";
          }
          Object actual;
          try {
            actual = natively.merge(a, b);
          } catch (RecordFailure failure) {
            actual = "failed";
          }
          assertThat(actual).as("%s with acc=%s value=%s", op, a, b).isEqualTo(expected);
        }
      }
    }
  }
}
