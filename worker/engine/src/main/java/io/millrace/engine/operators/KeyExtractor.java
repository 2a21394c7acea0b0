package io.millrace.engine.operators;

import io.millrace.engine.api.OperatorContext;
import io.millrace.spec.expr.CompiledExpression;
import io.millrace.spec.expr.EvalResult;
import io.millrace.spec.expr.ExpressionKind;
import io.millrace.engine.api.StreamRecord;

/**
 * The key of a record arriving at a keyed operator. Normally the sender of the HASH edge computed it
 * once and it travels with the record ({@link StreamRecord#key()}); only when a record arrives
 * without one (a chained forward edge from a non-keyed node, or a test feeding the operator directly)
 * is the node's own key expression evaluated here.
 */
public final class KeyExtractor {

  private final CompiledExpression expression;

  private KeyExtractor(CompiledExpression expression) {
    this.expression = expression;
  }

  /** For a node whose key expression is the setting {@code setting} (may be absent). */
  public static KeyExtractor of(OperatorContext context, Settings settings, String setting) {
    String text = settings.optionalString(setting);
    return new KeyExtractor(text == null ? null : context.compile(setting, text, ExpressionKind.KEY));
  }

  /** The key, or throws {@link RecordFailure} when it is missing and cannot be computed. */
  public Object keyOf(StreamRecord record) throws RecordFailure {
    if (record.key() != null) {
      return record.key();
    }
    if (expression == null) {
      throw new RecordFailure("the record has no key (the input of a keyed node must be keyed)");
    }
    EvalResult result = expression.evaluate(record.value(), null, record.timestamp());
    if (result instanceof EvalResult.Failed failed) {
      throw new RecordFailure("key `" + expression.source() + "`: " + failed.reason());
    }
    Object key = ((EvalResult.Value) result).value();
    if (key == null) {
      throw new RecordFailure("key `" + expression.source() + "` is null");
    }
    return key;
  }
}
