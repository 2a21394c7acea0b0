package io.millrace.spec.expr;

/**
 * Compiles Millrace expressions (CEL) for a given input record type and usage.
 *
 * <p>Implementations are thread-safe and cache nothing per tenant; compile once per spec, then
 * evaluate per record. Never throws for any input text: every problem is an {@link
 * ExpressionError}.
 */
public interface ExpressionCompiler {

  /**
   * Compiles against an explicit set of variables (joins: {@code left}/{@code right}; reduce:
   * {@code acc}/{@code value}; process: state names and {@code timer}).
   */
  CompileResult compile(String expression, ExpressionScope scope, ExpressionKind kind);

  /** Compiles with the usual variables {@code value} (of type {@code input}), {@code key}, {@code timestamp}. */
  default CompileResult compile(String expression, RecordType input, ExpressionKind kind) {
    return compile(expression, ExpressionScope.forRecord(input), kind);
  }
}
