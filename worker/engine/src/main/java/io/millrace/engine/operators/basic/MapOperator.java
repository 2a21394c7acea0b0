package io.millrace.engine.operators.basic;

import io.millrace.engine.api.Output;
import io.millrace.engine.api.StreamRecord;
import io.millrace.spec.expr.ExpressionKind;

/** {@code map}: the record's value becomes the expression's value; key and event time are kept. */
public final class MapOperator extends ExpressionOperator {

  public MapOperator() {
    super(ExpressionKind.VALUE);
  }

  @Override
  protected void onValue(StreamRecord record, Object value, Output out) {
    out.collect(record.withValue(value));
  }
}
