package io.millrace.engine.runtime;

import io.millrace.engine.api.StreamOperator;
import io.millrace.spec.plan.JobVertex;

/**
 * Makes the operator of a plan vertex (kind + settings). The runtime ships the basic kinds ({@code
 * io.millrace.engine.operators.basic.BasicOperators}); {@code io.millrace.engine.operators.OperatorFactory}
 * covers every kind and delegates the basic ones.
 */
@FunctionalInterface
public interface VertexOperatorFactory {

  /** A fresh, unopened operator for one subtask of {@code vertex}. */
  StreamOperator create(JobVertex vertex);
}
