/**
 * Millrace expressions: CEL (dev.cel:cel) compilation, type checking against record types, the
 * Millrace function library, and evaluation against records.
 *
 * <p>Owns: the seam ({@link io.millrace.spec.expr.ExpressionCompiler}, {@link
 * io.millrace.spec.expr.ExpressionScope}, {@link io.millrace.spec.expr.CompiledExpression}, ...),
 * its CEL implementation ({@link io.millrace.spec.expr.CelExpressionCompiler}), the record model
 * conversions, the limits every expression runs under ({@link
 * io.millrace.spec.expr.ExpressionLimits}) and the stable key hash ({@link
 * io.millrace.spec.expr.StableHash}). Expressions in the subset of the typed fast path are
 * evaluated by {@code io.millrace.spec.expr.fast} instead of the CEL interpreter, with the same
 * results. The language, record model and functions are documented
 * for users in pipeline-spec/docs/expressions.md.
 */
package io.millrace.spec.expr;
