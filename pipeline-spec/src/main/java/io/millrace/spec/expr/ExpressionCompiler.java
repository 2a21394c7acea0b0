package io.millrace.spec.expr;

/**
 * Compiles Millrace expressions (CEL) for a given input record type and usage.
 *
 * <p>Implementations are thread-safe and cache nothing per tenant; compile once per spec, then
 * evaluate per record. Never throws for any input text: every problem is an {@link
 * ExpressionError}.
 */
public interface ExpressionCompiler {

  CompileResult compile(String expression, RecordType input, ExpressionKind kind);
}
