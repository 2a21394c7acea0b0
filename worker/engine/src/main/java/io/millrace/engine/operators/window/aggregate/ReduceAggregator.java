package io.millrace.engine.operators.window.aggregate;

import io.millrace.engine.operators.RecordFailure;
import io.millrace.spec.expr.CompiledExpression;
import io.millrace.spec.expr.EvalResult;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code reduce}: folds records with a CEL expression over {@code acc} and {@code value}; the first
 * record is the initial {@code acc}. Partial results of two slices merge with the same expression
 * ({@code acc} = the earlier part), which is exact for associative expressions such as the
 * "keep the larger one" selections reduce is meant for.
 */
public record ReduceAggregator(String name, CompiledExpression expression) implements Aggregator {

  @Override
  public Object add(Object acc, Object value, long timestamp) throws RecordFailure {
    return merge(acc, value);
  }

  @Override
  public Object merge(Object earlier, Object later) throws RecordFailure {
    if (earlier == null) {
      return later;
    }
    if (later == null) {
      return earlier;
    }
    Map<String, Object> variables = new HashMap<>(4);
    variables.put("acc", earlier);
    variables.put("value", later);
    variables.put("key", null);
    EvalResult result = expression.evaluate(variables);
    if (result instanceof EvalResult.Failed failed) {
      throw new RecordFailure("aggregate '" + name + "': " + failed.reason());
    }
    return ((EvalResult.Value) result).value();
  }

  @Override
  public Object result(Object acc) {
    return acc;
  }
}
