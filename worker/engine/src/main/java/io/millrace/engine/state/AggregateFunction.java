package io.millrace.engine.state;

/**
 * Incremental aggregation used by {@link AggregatingState}. Functions may mutate and return the
 * accumulator they are given (the state stores what they return); they must not keep references to
 * accumulators between calls.
 *
 * @param <IN> input values
 * @param <ACC> accumulator, serialized with the descriptor's accumulator serializer
 * @param <OUT> result
 */
public interface AggregateFunction<IN, ACC, OUT> {

  ACC createAccumulator();

  ACC add(IN value, ACC accumulator);

  OUT getResult(ACC accumulator);

  /** Combines two accumulators (session window merges). */
  ACC merge(ACC a, ACC b);
}
