package io.millrace.spec.expr;

import io.millrace.spec.expr.fast.Deopt;
import io.millrace.spec.expr.fast.EvalFailure;
import io.millrace.spec.expr.fast.FastTree;
import io.millrace.spec.expr.fast.Node;
import java.util.Map;

/**
 * An expression evaluated by a fast-path tree, with the CEL program of the same expression behind
 * it. The CEL program answers when the tree cannot: a record whose values are not of the declared
 * types ({@link Deopt}), a record that is not a map, explicit variables ({@link
 * #evaluate(Map)}), and any unexpected exception (a bug of ours must not change a result). So the
 * caller sees exactly what the CEL program would answer, faster. Immutable and thread-safe.
 */
final class FastCompiledExpression implements CompiledExpression {

  private final Node root;
  private final boolean readsValue;
  private final ExpressionKind kind;
  private final CompiledExpression cel;

  FastCompiledExpression(FastTree tree, ExpressionKind kind, CompiledExpression cel) {
    this.root = tree.root();
    this.readsValue = tree.readsValue();
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

  @Override
  public EvalResult evaluate(Object value, Object key, long timestampMillis) {
    try {
      EvalResult result = evaluateFast(value, key, timestampMillis);
      return result != null ? result : cel.evaluate(value, key, timestampMillis);
    } catch (RuntimeException bug) {
      // Only a bug of the fast path gets here; the CEL program still gives the right answer.
      return cel.evaluate(value, key, timestampMillis);
    }
  }

  /**
   * The fast path alone: the result, or null when the record must go to the CEL program. Lets
   * unexpected exceptions through, so tests see bugs that {@link #evaluate} would hide.
   */
  EvalResult evaluateFast(Object value, Object key, long timestampMillis) {
    Map<?, ?> record = null;
    if (readsValue) {
      if (!(value instanceof Map<?, ?> map)) {
        return null;
      }
      record = map;
    }
    return run(root, kind, record, key, timestampMillis);
  }

  /**
   * Runs a tree: the result, or null when it deoptimises. {@code record} is the {@code Map}
   * argument of the nodes: the record, or the variables of a scoped tree.
   */
  static EvalResult run(Node root, ExpressionKind kind, Map<?, ?> record, Object key, long timestampMillis) {
    try {
      if (kind == ExpressionKind.PREDICATE && root.yieldsBool()) {
        return root.evalBool(record, key, timestampMillis) ? ResultShaping.TRUE : ResultShaping.FALSE;
      }
      Object result = root.eval(record, key, timestampMillis);
      return root.yieldsRecordModel() ? new EvalResult.Value(result) : ResultShaping.finish(kind, result);
    } catch (EvalFailure failure) {
      return new EvalResult.Failed(failure.reason());
    } catch (Deopt deopt) {
      return null;
    }
  }

  @Override
  public EvalResult evaluate(Map<String, ?> variables) {
    return cel.evaluate(variables);
  }
}
