/**
 * The typed fast path: a checked CEL expression in a supported subset compiled into a tree of small
 * evaluator nodes ({@link io.millrace.spec.expr.fast.Node}) with primitive paths, so a typical
 * filter over a typed record is evaluated without the CEL interpreter's per-evaluation frame and
 * boxed intermediate results.
 *
 * <p>Owns: the translation from the checked AST ({@link io.millrace.spec.expr.fast.FastTreeBuilder},
 * which says "unsupported" for anything outside the subset so the caller keeps the CEL program),
 * the node classes, and the CEL-java 0.11.1 semantics they must reproduce exactly ({@link
 * io.millrace.spec.expr.fast.CelSemantics}). Two control-flow signals leave a node: {@link
 * io.millrace.spec.expr.fast.EvalFailure} (a CEL run-time error, with CEL's reason) and {@link
 * io.millrace.spec.expr.fast.Deopt} (a value outside the declared types: the caller re-runs that one
 * record on the CEL program, so odd records get CEL's exact answer). Two modes: record mode, where
 * {@code value}, {@code key} and {@code timestamp} are arguments, and scoped mode ({@link
 * io.millrace.spec.expr.fast.ScopedLeaves}), where the nodes read the explicit variables of joins,
 * reduce and process from the map given to {@code evaluate(Map)}. The subset and how equality
 * with CEL is tested are documented in pipeline-spec/docs/expressions.md.
 */
package io.millrace.spec.expr.fast;
