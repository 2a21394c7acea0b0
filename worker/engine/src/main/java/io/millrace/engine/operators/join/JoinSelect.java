package io.millrace.engine.operators.join;

import io.millrace.engine.api.OperatorContext;
import io.millrace.engine.operators.RecordFailure;
import io.millrace.spec.expr.CompiledExpression;
import io.millrace.spec.expr.EvalResult;
import io.millrace.spec.expr.ExpressionKind;
import io.millrace.spec.expr.ExpressionScope;
import io.millrace.spec.expr.FieldType;
import io.millrace.spec.expr.RecordType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code select} expression of a join over {@code left} and {@code right} (and {@code key});
 * without one, the joined record is {@code {'left': left, 'right': right}}.
 */
public final class JoinSelect {

  private final CompiledExpression expression;

  private JoinSelect(CompiledExpression expression) {
    this.expression = expression;
  }

  public static JoinSelect compile(OperatorContext context, String text) {
    if (text == null) {
      return new JoinSelect(null);
    }
    ExpressionScope scope = ExpressionScope.empty()
        .withRecord("left", RecordType.dynamicRecord())
        .withRecord("right", RecordType.dynamicRecord())
        .withScalar("key", FieldType.ANY);
    return new JoinSelect(context.compile("select", text, scope, ExpressionKind.VALUE));
  }

  public String source() {
    return expression == null ? "{'left': left, 'right': right}" : expression.source();
  }

  public Object apply(Object left, Object right, Object key) throws RecordFailure {
    if (expression == null) {
      Map<String, Object> joined = new LinkedHashMap<>(4);
      joined.put("left", left);
      joined.put("right", right);
      return joined;
    }
    Map<String, Object> variables = new HashMap<>(4);
    variables.put("left", left);
    variables.put("right", right);
    variables.put("key", key);
    EvalResult result = expression.evaluate(variables);
    if (result instanceof EvalResult.Failed failed) {
      throw new RecordFailure("select `" + expression.source() + "`: " + failed.reason());
    }
    return ((EvalResult.Value) result).value();
  }
}
