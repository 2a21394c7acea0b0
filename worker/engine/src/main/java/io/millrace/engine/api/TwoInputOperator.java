package io.millrace.engine.api;

/**
 * An operator with two inputs: input 0 (a join's left, a lookup-join's stream) and input 1 (right,
 * table) — the plan's {@code JobEdge.targetInput}. The runtime combines the watermarks of both
 * inputs (minimum, idle inputs excluded) into one {@link #processWatermark} call.
 */
public interface TwoInputOperator extends StreamOperator {

  /** A record of input 0. For keyed operators the current key is {@code record.key()}. */
  void processRecord1(StreamRecord record, Output out) throws Exception;

  /** A record of input 1. For keyed operators the current key is {@code record.key()}. */
  void processRecord2(StreamRecord record, Output out) throws Exception;
}
