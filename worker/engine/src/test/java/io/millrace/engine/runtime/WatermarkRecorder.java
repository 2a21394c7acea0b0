package io.millrace.engine.runtime;

import io.millrace.engine.api.OneInputOperator;
import io.millrace.engine.api.OperatorContext;
import io.millrace.engine.api.Output;
import io.millrace.engine.api.StreamRecord;
import java.util.concurrent.atomic.AtomicLong;

/** Test operator: publishes the watermark it sees and counts records that arrive at or behind it (late). */
final class WatermarkRecorder implements OneInputOperator {
  private final AtomicLong watermark;
  private final AtomicLong late;
  private long current = Long.MIN_VALUE;

  WatermarkRecorder(AtomicLong watermark, AtomicLong late) {
    this.watermark = watermark;
    this.late = late;
  }

  @Override
  public void open(OperatorContext context) {}

  @Override
  public void processRecord(StreamRecord record, Output out) {
    if (record.timestamp() <= current) {
      late.incrementAndGet();
    }
    out.collect(record);
  }

  @Override
  public void processWatermark(long newWatermark, Output out) {
    current = newWatermark;
    watermark.accumulateAndGet(newWatermark, Math::max);
    out.emitWatermark(newWatermark);
  }
}
