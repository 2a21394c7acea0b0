package io.millrace.spec.expr;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A checked CEL program plus what it needs per record. Immutable, so one instance serves all
 * threads; per evaluation it allocates only a small variable resolver (CEL's interpreter has no
 * reusable activation that is safe across threads).
 */
final class CelCompiledExpression implements CompiledExpression {

  private static final Pattern POSITION = Pattern.compile("evaluation error at <input>:(\\d+): ");
  private static final Pattern MISSING_KEY =
      Pattern.compile("key '(.*)' is not present in map\\.?");

  private final String source;
  private final ExpressionKind kind;
  private final CelRuntime.Program program;
  private final ExpressionScope scope;
  /** Fields of {@code value} the expression reads directly, or null when it uses the whole value. */
  private final String[] valueFields;

  CelCompiledExpression(
      String source,
      ExpressionKind kind,
      CelRuntime.Program program,
      ExpressionScope scope,
      List<String> valueFields) {
    this.source = source;
    this.kind = kind;
    this.program = program;
    this.scope = scope;
    this.valueFields = valueFields == null ? null : valueFields.toArray(String[]::new);
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public ExpressionKind kind() {
    return kind;
  }

  @Override
  public EvalResult evaluate(Object value, Object key, long timestampMillis) {
    try {
      Object celValue =
          valueFields == null ? CelValues.toCel(value) : CelValues.toCelFields(value, valueFields);
      return finish(program.eval(new StandardVariables(celValue, CelValues.toCel(key), timestampMillis)));
    } catch (CelEvaluationException e) {
      return new EvalResult.Failed(reason(e));
    } catch (RuntimeException | StackOverflowError e) {
      // The interpreter should only raise CelEvaluationException; anything else is a bug in a
      // library, but it must still only fail this record, never the task.
      return new EvalResult.Failed("internal evaluation error: " + e);
    }
  }

  @Override
  public EvalResult evaluate(Map<String, ?> variables) {
    try {
      Map<String, Object> activation = new HashMap<>(variables.size() * 2);
      variables.forEach((name, value) -> activation.put(name, toCel(name, value)));
      return finish(program.eval(activation));
    } catch (CelEvaluationException e) {
      return new EvalResult.Failed(reason(e));
    } catch (RuntimeException | StackOverflowError e) {
      return new EvalResult.Failed("internal evaluation error: " + e);
    }
  }

  private Object toCel(String name, Object value) {
    var variable = scope.variables().get(name);
    if (value instanceof Long millis
        && variable instanceof ExpressionScope.Variable.Scalar scalar
        && scalar.type() == FieldType.TIMESTAMP) {
      return Instant.ofEpochMilli(millis);
    }
    return CelValues.toCel(value);
  }

  private EvalResult finish(Object result) {
    return ResultShaping.finish(kind, result);
  }

  private static String reason(CelEvaluationException e) {
    String message = e.getMessage() == null ? "evaluation failed" : e.getMessage();
    message = POSITION.matcher(message).replaceFirst("at position $1: ");
    message = message.replace("evaluation error: ", "");
    message = MISSING_KEY.matcher(message).replaceAll("field '$1' is missing");
    return message;
  }

  /** The usual three variables; only builds the timestamp when the expression asks for it. */
  private static final class StandardVariables implements CelVariableResolver {
    private final Object value;
    private final Object key;
    private final long timestampMillis;

    StandardVariables(Object value, Object key, long timestampMillis) {
      this.value = value;
      this.key = key;
      this.timestampMillis = timestampMillis;
    }

    @Override
    public Optional<Object> find(String name) {
      switch (name) {
        case ExpressionScope.VALUE:
          return Optional.of(value);
        case ExpressionScope.KEY:
          return Optional.of(key);
        case ExpressionScope.TIMESTAMP:
          return Optional.of(Instant.ofEpochMilli(timestampMillis));
        default:
          return Optional.empty();
      }
    }
  }
}
