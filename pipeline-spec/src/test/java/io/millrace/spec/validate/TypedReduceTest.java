package io.millrace.spec.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.spec.parse.Format;
import org.junit.jupiter.api.Test;

/** reduce aggregates are checked against the window's typed input: acc and value share its type. */
class TypedReduceTest {

  private static final PipelineValidator VALIDATOR = PipelineValidator.standard();

  private static String spec(String reduce) {
    return """
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: reduce}
        spec:
          nodes:
            - id: orders
              type: kafka-source
              topic: orders
              schema: {fields: [{name: user, type: string}, {name: amount, type: int}]}
            - {id: by-user, type: key-by, inputs: [orders], expression: value.user}
            - id: biggest
              type: window-aggregate
              inputs: [by-user]
              window: {type: tumbling, size: 1m}
              aggregates: [{name: top, fn: reduce, expression: "%s"}]
            - {id: out, type: kafka-sink, inputs: [biggest], topic: biggest}
        """.formatted(reduce);
  }

  @Test
  void chooseBetweenAccAndValueTypeChecksOnATypedInput() {
    ValidationResult result = VALIDATOR.validate(spec("acc.amount > value.amount ? acc : value"), Format.YAML);
    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  void aWrongFieldOfAccIsLocatedInsideTheExpression() {
    ValidationResult result = VALIDATOR.validate(spec("acc.amout > value.amount ? acc : value"), Format.YAML);
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("expression");
      assertThat(d.message()).isEqualTo("'acc' has no field 'amout'");
      assertThat(d.hint()).isEqualTo("did you mean 'amount'?");
      assertThat(d.line()).isEqualTo(15);
      assertThat(d.column()).isEqualTo(61);
    });
  }

  @Test
  void aTypeMisuseIsReported() {
    ValidationResult result = VALIDATOR.validate(spec("acc.user + value.amount > 0 ? acc : value"), Format.YAML);
    assertThat(result.diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo("operator '+' cannot be applied to (string, int)"));
  }
}
