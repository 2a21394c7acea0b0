package io.millrace.engine.operators.window;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.engine.operators.OperatorFactory;
import io.millrace.engine.testing.OperatorTestHarness;
import io.millrace.spec.expr.FieldType;
import io.millrace.spec.expr.RecordType;
import io.millrace.spec.plan.JobVertex;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A window's {@code reduce} aggregate is compiled through the operator context, so {@code acc} and
 * {@code value} get the plan's input type: a field the input does not declare fails at open with
 * the node and setting named, where a schemaless input would only fail per record.
 */
class TypedReduceOperatorTest {

  static final RecordType BIDS = RecordType.of(new LinkedHashMap<>(Map.of(
      "auction", FieldType.INT, "price", FieldType.INT, "dateTime", FieldType.TIMESTAMP)));

  static Map<String, Object> settings(String reduce) {
    return Map.of(
        "keyBy", "value.auction",
        "window", Map.of("type", "tumbling", "size", "10s"),
        "aggregates", List.of(Map.of("name", "best", "fn", "reduce", "expression", reduce)));
  }

  static OperatorTestHarness open(String reduce, RecordType input) throws Exception {
    JobVertex vertex = new JobVertex("top", "window-aggregate", 1, true, settings(reduce), List.of(input));
    return OperatorTestHarness.builder(OperatorFactory.standard().create(vertex), "top", "window-aggregate")
        .settings(vertex.settings()).inputTypes(input).keyed().open();
  }

  @Test
  void reduceOverATypedInputChecksItsFieldsAgainstThePlanType() {
    assertThatThrownBy(() -> open("acc.prise >= value.prise ? acc : value", BIDS).close())
        .hasMessageContaining("top")
        .hasMessageContaining("aggregates.best")
        .hasMessageContaining("prise");
  }

  @Test
  void theSameReduceOpensWhenItsFieldsExist() {
    assertThatCode(() -> open("acc.price + value.price > 100 ? acc : value", BIDS).close())
        .doesNotThrowAnyException();
  }

  @Test
  void aSchemalessInputLeavesFieldChecksToRunTime() {
    assertThatCode(() -> open("acc.prise >= value.prise ? acc : value", RecordType.dynamicRecord()).close())
        .doesNotThrowAnyException();
  }
}
