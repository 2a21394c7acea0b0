/**
 * window-aggregate: {@link io.millrace.engine.operators.window.SlicedWindowOperator} (tumbling and
 * sliding windows aggregated incrementally per slice of gcd(size, slide), with a per-(key, slice)
 * pre-aggregation buffer) and {@link io.millrace.engine.operators.window.SessionWindowOperator}
 * (merging sessions); the pure parts — {@link io.millrace.engine.operators.window.SliceAssigner},
 * {@link io.millrace.engine.operators.window.SessionMergeSet} and the mergeable aggregates of
 * {@code aggregate} — have no dependency on the runtime.
 */
package io.millrace.engine.operators.window;
