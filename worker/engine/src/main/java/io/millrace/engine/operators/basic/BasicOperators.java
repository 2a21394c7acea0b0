package io.millrace.engine.operators.basic;

import io.millrace.engine.api.OperatorSetupException;
import io.millrace.engine.api.StreamOperator;
import io.millrace.engine.runtime.VertexOperatorFactory;
import io.millrace.spec.plan.JobVertex;
import java.util.Set;

/** The operators of the basic node kinds. */
public final class BasicOperators implements VertexOperatorFactory {

  /** The kinds this factory makes. */
  public static final Set<String> KINDS = Set.of("map", "filter", "flat-map", "key-by", "union");

  public static boolean supports(String kind) {
    return KINDS.contains(kind);
  }

  @Override
  public StreamOperator create(JobVertex vertex) {
    switch (vertex.kind()) {
      case "map":
        return new MapOperator();
      case "filter":
        return new FilterOperator();
      case "flat-map":
        return new FlatMapOperator();
      case "key-by":
      case "union":
        return new PassThroughOperator();
      default:
        throw new OperatorSetupException(vertex.id(), "node kind '" + vertex.kind()
            + "' is not a basic kind " + KINDS + "; use io.millrace.engine.operators.OperatorFactory for all kinds");
    }
  }
}
