package io.millrace.engine.api;

/** An operator with one input: map, filter, window-aggregate, sinks, ... */
public interface OneInputOperator extends StreamOperator {

  /** One record. For keyed operators the current key is {@code record.key()}. */
  void processRecord(StreamRecord record, Output out) throws Exception;
}
