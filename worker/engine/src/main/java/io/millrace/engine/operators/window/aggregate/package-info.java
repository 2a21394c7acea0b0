/**
 * The aggregate functions of window-aggregate (count, sum, avg, min, max, first, last, reduce) as
 * incremental, mergeable functions over immutable accumulators, applied together to one accumulator
 * row by {@link io.millrace.engine.operators.window.aggregate.AggregateSet}.
 */
package io.millrace.engine.operators.window.aggregate;
