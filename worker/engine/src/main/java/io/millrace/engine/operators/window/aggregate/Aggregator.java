package io.millrace.engine.operators.window.aggregate;

import io.millrace.engine.operators.RecordFailure;

/**
 * One aggregate of a window-aggregate node ({@code {name, fn, field?, expression?}}) as an
 * incremental, mergeable function over accumulators.
 *
 * <p>Accumulators are immutable values of the record model (Long, Double, String, Instant, Map...)
 * or the two small records {@link AvgAccumulator} and {@link TimedValue}; {@code null} is the empty
 * accumulator. Because they are immutable, an operator can compute a record's new accumulators and
 * commit them only when every aggregate succeeded, so a failing record leaves no partial update.
 *
 * <p>{@link #merge} combines the accumulators of two consecutive slices (or sessions), the earlier
 * one first; it is what makes per-slice aggregation of sliding windows possible.
 */
public sealed interface Aggregator
    permits CountAggregator, SumAggregator, AvgAggregator, MinMaxAggregator, FirstLastAggregator, ReduceAggregator,
        SelectionReduceAggregator {

  /** The output field name. */
  String name();

  /** Adds one input record (the record value and its event time) to {@code acc} (null = empty). */
  Object add(Object acc, Object value, long timestamp) throws RecordFailure;

  /** Merges the accumulators of an earlier and a later part of a window; either may be null. */
  Object merge(Object earlier, Object later) throws RecordFailure;

  /** The output value for {@code acc} (null = nothing was added). */
  Object result(Object acc);
}
