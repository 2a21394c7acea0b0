package io.millrace.engine.operators.basic;

import io.millrace.engine.api.Output;
import io.millrace.engine.api.StreamRecord;
import io.millrace.spec.expr.ExpressionKind;

/** {@code filter}: keeps the records for which the predicate is true. */
public final class FilterOperator extends ExpressionOperator {

  public FilterOperator() {
    super(ExpressionKind.PREDICATE);
  }

  @Override
  protected void onValue(StreamRecord record, Object value, Output out) {
    if (Boolean.TRUE.equals(value)) {
      out.collect(record);
    }
  }
}
