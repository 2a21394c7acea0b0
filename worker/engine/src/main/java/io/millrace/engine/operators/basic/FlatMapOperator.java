package io.millrace.engine.operators.basic;

import io.millrace.engine.api.Output;
import io.millrace.engine.api.StreamRecord;
import io.millrace.spec.expr.ExpressionKind;
import java.util.List;

/** {@code flat-map}: one output record per element of the list the expression yields. */
public final class FlatMapOperator extends ExpressionOperator {

  public FlatMapOperator() {
    super(ExpressionKind.LIST);
  }

  @Override
  protected void onValue(StreamRecord record, Object value, Output out) {
    if (value instanceof List<?> list) {
      for (Object element : list) {
        out.collect(record.withValue(element));
      }
    }
  }
}
