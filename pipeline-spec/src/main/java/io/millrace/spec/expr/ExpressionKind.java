package io.millrace.spec.expr;

/**
 * Where an expression is used, which fixes the result type it must have.
 *
 * <p>The validator picks the kind from the node setting that holds the expression, so a
 * {@code filter} that yields a string is a type error located in the expression.
 */
public enum ExpressionKind {
  /** {@code filter.expression}, {@code process} guards: must yield bool. */
  PREDICATE,
  /** {@code map.expression}, {@code lookup-join} projections: any value. */
  VALUE,
  /** {@code flat-map.expression}: must yield a list. */
  LIST,
  /** {@code keyBy} settings: a key (string, int, bool, bytes, or a list of these). */
  KEY,
  /** Watermark timestamp expressions: a timestamp or epoch milliseconds (int). */
  TIMESTAMP
}
