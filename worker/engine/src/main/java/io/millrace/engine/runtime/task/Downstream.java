package io.millrace.engine.runtime.task;

import io.millrace.engine.api.StreamRecord;

/** Where an operator's main output goes: the next chained operator, or the task's outgoing exchanges. */
public interface Downstream {

  void processRecord(StreamRecord record) throws Exception;

  void processWatermark(long watermark) throws Exception;
}
