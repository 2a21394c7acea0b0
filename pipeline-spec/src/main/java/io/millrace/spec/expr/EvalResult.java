package io.millrace.spec.expr;

/** The outcome of evaluating an expression on one record. */
public sealed interface EvalResult {

  record Value(Object value) implements EvalResult {}

  record Failed(String reason) implements EvalResult {}
}
