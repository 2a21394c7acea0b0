package io.millrace.spec.expr;

/**
 * How a {@link CelExpressionCompiler} evaluates what it compiles. The choice never changes a
 * result, only its cost; {@link #CEL_INTERPRETER} exists to compare the two (benchmarks, tests).
 */
public enum EvaluationStrategy {
  /**
   * The typed fast path (io.millrace.spec.expr.fast) for expressions in its subset over the usual
   * {@code value}/{@code key}/{@code timestamp} variables, the CEL program for everything else.
   */
  FAST_PATH_WHEN_SUPPORTED,
  /** Always the CEL-java interpreter. */
  CEL_INTERPRETER
}
