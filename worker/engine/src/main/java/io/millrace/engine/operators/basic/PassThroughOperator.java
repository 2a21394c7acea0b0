package io.millrace.engine.operators.basic;

import io.millrace.engine.api.OneInputOperator;
import io.millrace.engine.api.OperatorContext;
import io.millrace.engine.api.Output;
import io.millrace.engine.api.StreamRecord;

/**
 * {@code key-by} and {@code union}: the work is done by the exchange in front of them. key-by: the
 * sender of the HASH edge computed the key with the node's expression and routed the record to the
 * subtask owning its key group; the record keeps that key downstream. union: the task merges all
 * input channels into input 0 (watermark = minimum over them).
 */
public final class PassThroughOperator implements OneInputOperator {

  @Override
  public void open(OperatorContext context) {}

  @Override
  public void processRecord(StreamRecord record, Output out) {
    out.collect(record);
  }
}
