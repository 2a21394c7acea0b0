package io.millrace.engine.operators;

import io.millrace.engine.api.DeadLetterPolicy;
import io.millrace.engine.api.DeadLetters;
import io.millrace.engine.api.ExpressionFailedException;
import io.millrace.engine.api.OperatorContext;
import io.millrace.engine.api.OperatorMetrics;
import io.millrace.engine.api.Output;
import io.millrace.engine.api.OutputTag;
import io.millrace.engine.api.StreamRecord;

/**
 * Sends a failed record to the node's {@code dead-letter} output with the reason, or fails the task
 * when the node says {@code deadLetter.onError: fail}. One per operator instance.
 */
public final class DeadLetterRouter {

  private final String nodeId;
  private final DeadLetterPolicy policy;
  private final OperatorMetrics.Counter failed;

  public DeadLetterRouter(OperatorContext context) {
    this.nodeId = context.nodeId();
    this.policy = context.deadLetterPolicy();
    this.failed = context.metrics().counter("records-failed");
  }

  public void route(Output out, StreamRecord record, String what, String reason) {
    failed.inc();
    if (policy.failOnError()) {
      throw new ExpressionFailedException(nodeId, what, reason);
    }
    out.collect(OutputTag.DEAD_LETTER, DeadLetters.of(nodeId, record, reason, policy.includeRecord()));
  }
}
