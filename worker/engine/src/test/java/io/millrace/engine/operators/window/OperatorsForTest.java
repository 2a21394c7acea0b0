package io.millrace.engine.operators.window;

import io.millrace.engine.api.StreamOperator;
import io.millrace.engine.operators.OperatorFactory;
import io.millrace.spec.plan.JobVertex;
import java.util.Map;

/** Builds operators the way the runtime does: through the factory, from plan-vertex settings. */
final class OperatorsForTest {

  private OperatorsForTest() {}

  static StreamOperator windowAggregate(Map<String, Object> settings) {
    return OperatorFactory.standard().create(new JobVertex("win", "window-aggregate", 1, true, settings));
  }
}
