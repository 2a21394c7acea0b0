package io.millrace.spec.expr;

/**
 * A checked, compiled CEL program, safe to share between threads and to evaluate per record.
 *
 * <p>Evaluation never throws for a bad record: a failure (missing field, overflow, cost limit)
 * comes back as an {@link EvalResult.Failed} with the reason, so the engine can route the record
 * to the node's dead-letter output.
 */
public interface CompiledExpression {

  /** The expression text as written in the spec. */
  String source();

  /** The kind it was checked for. */
  ExpressionKind kind();

  /** Evaluates against one record (the {@code value} variable) with its key and timestamp. */
  EvalResult evaluate(Object value, Object key, long timestampMillis);

  /**
   * Evaluates with explicit variable values, named as in the {@link ExpressionScope} the
   * expression was compiled for (joins, reduce, process). A TIMESTAMP variable may be given as
   * {@link java.time.Instant} or epoch milliseconds ({@link Long}).
   */
  EvalResult evaluate(java.util.Map<String, ?> variables);
}
