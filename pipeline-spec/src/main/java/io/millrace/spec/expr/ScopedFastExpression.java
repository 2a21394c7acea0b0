package io.millrace.spec.expr;

import io.millrace.spec.expr.fast.FastTree;
import io.millrace.spec.expr.fast.Node;
import java.util.Map;

/**
 * An expression of a scope with explicit variables (joins, reduce, process) evaluated by a
 * scoped fast-path tree through {@link #evaluate(Map)}: the tree reads the variables map as
 * given, with no activation copy and no record conversion. Like {@link FastCompiledExpression},
 * the CEL program of the same expression answers whenever the tree cannot (a variable of another
 * run-time type than declared, a missing variable, an unexpected exception), so the caller sees
 * exactly CEL's result. Immutable and thread-safe.
 */
final class ScopedFastExpression implements CompiledExpression {

  private final Node root;
  private final ExpressionKind kind;
  private final CompiledExpression cel;

  ScopedFastExpression(FastTree tree, ExpressionKind kind, CompiledExpression cel) {
    this.root = tree.root();
    this.kind = kind;
    this.cel = cel;
  }

  @Override
  public String source() {
    return cel.source();
  }

  @Override
  public ExpressionKind kind() {
    return kind;
  }

  /** The usual three variables are not this scope's: the CEL program decides, as before. */
  @Override
  public EvalResult evaluate(Object value, Object key, long timestampMillis) {
    return cel.evaluate(value, key, timestampMillis);
  }

  @Override
  public EvalResult evaluate(Map<String, ?> variables) {
    try {
      EvalResult result = evaluateFast(variables);
      return result != null ? result : cel.evaluate(variables);
    } catch (RuntimeException bug) {
      // Only a bug of the fast path gets here; the CEL program still gives the right answer.
      return cel.evaluate(variables);
    }
  }

  /** The fast path alone: the result, or null for CEL; lets unexpected exceptions through for tests. */
  EvalResult evaluateFast(Map<String, ?> variables) {
    return FastCompiledExpression.run(root, kind, variables, null, 0L);
  }
}
