package io.millrace.engine.operators.basic;

import io.millrace.engine.api.DeadLetterPolicy;
import io.millrace.engine.api.DeadLetters;
import io.millrace.engine.api.ExpressionFailedException;
import io.millrace.engine.api.OneInputOperator;
import io.millrace.engine.api.OperatorContext;
import io.millrace.engine.api.OperatorMetrics;
import io.millrace.engine.api.Output;
import io.millrace.engine.api.OutputTag;
import io.millrace.engine.api.StreamRecord;
import io.millrace.spec.expr.CompiledExpression;
import io.millrace.spec.expr.EvalResult;
import io.millrace.spec.expr.ExpressionKind;

/**
 * A one-input operator driven by the node's {@code expression} setting: evaluates it per record and
 * hands the value to {@link #onValue}; failures go to the dead-letter output (or fail the task).
 */
abstract class ExpressionOperator implements OneInputOperator {

  private final ExpressionKind kind;
  private CompiledExpression expression;
  private DeadLetterPolicy policy;
  private String nodeId;
  private OperatorMetrics.Counter failures;

  ExpressionOperator(ExpressionKind kind) {
    this.kind = kind;
  }

  @Override
  public void open(OperatorContext context) {
    nodeId = context.nodeId();
    policy = context.deadLetterPolicy();
    Object text = context.settings().get("expression");
    expression = context.compile("expression", text == null ? null : text.toString(), kind);
    failures = context.metrics().counter("expression.failures");
  }

  @Override
  public final void processRecord(StreamRecord record, Output out) {
    EvalResult result = expression.evaluate(record.value(), record.key(), record.timestamp());
    if (result instanceof EvalResult.Value value) {
      onValue(record, value.value(), out);
      return;
    }
    String reason = ((EvalResult.Failed) result).reason();
    failures.inc();
    if (policy.failOnError()) {
      throw new ExpressionFailedException(nodeId, expression.source(), reason);
    }
    out.collect(OutputTag.DEAD_LETTER, DeadLetters.of(nodeId, record, reason, policy.includeRecord()));
  }

  /** The expression's value for {@code record}. */
  protected abstract void onValue(StreamRecord record, Object value, Output out);
}
