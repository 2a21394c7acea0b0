package io.millrace.spec.statediff;

import io.millrace.spec.model.PipelineSpec;
import io.millrace.spec.parse.Format;
import io.millrace.spec.validate.PipelineValidator;
import io.millrace.spec.validate.ValidationResult;

/** Validated specs from YAML text for the state-diff tests. */
final class Specs {

  private static final PipelineValidator VALIDATOR = PipelineValidator.standard();

  private Specs() {}

  static PipelineSpec valid(String yaml) {
    ValidationResult result = VALIDATOR.validate(yaml, Format.YAML);
    if (!result.isValid() || result.pipeline().isEmpty()) {
      throw new AssertionError("test spec is invalid: " + PipelineValidator.format("spec", result.errors()) + "\n" + yaml);
    }
    return result.pipeline().get();
  }

  /** A keyed click count: source, filter, window per user, sink. */
  static final String CLICKS = """
      apiVersion: millrace.io/v1
      kind: Pipeline
      metadata: {name: clicks}
      spec:
        parallelism: 2
        nodes:
          - {id: clicks, type: kafka-source, topic: clicks, format: json}
          - {id: valid, type: filter, inputs: [clicks], expression: "value.user != ''"}
          - {id: per-user, type: window-aggregate, inputs: [valid], keyBy: "value.user",
             window: {type: tumbling, size: 1m}, aggregates: [{name: clicks, fn: count}]}
          - {id: out, type: kafka-sink, inputs: [per-user], topic: per-user, format: json}
      """;
}
