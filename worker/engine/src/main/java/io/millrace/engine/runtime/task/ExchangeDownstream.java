package io.millrace.engine.runtime.task;

import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.runtime.exchange.ControlElement;
import io.millrace.engine.runtime.exchange.Partitioner;
import io.millrace.engine.runtime.exchange.RecordWriter;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The end of a chain (or a side output): writes into the record writers of the outgoing edges. A
 * HASH key that fails on a record goes to {@code onKeyFailure} (the producing node's dead-letter
 * handling) and the record is not sent on that edge. A record sent on at least one edge counts once as a
 * record out of the task ({@link TaskMetrics#recordsOut()}).
 */
public final class ExchangeDownstream implements Downstream {

  private final RecordWriter[] writers;
  private final BiConsumer<StreamRecord, String> onKeyFailure;
  private final TaskMetrics metrics;

  public ExchangeDownstream(List<RecordWriter> writers, BiConsumer<StreamRecord, String> onKeyFailure,
      TaskMetrics metrics) {
    this.writers = writers.toArray(RecordWriter[]::new);
    this.onKeyFailure = onKeyFailure;
    this.metrics = metrics;
  }

  public boolean isEmpty() {
    return writers.length == 0;
  }

  @Override
  public void processRecord(StreamRecord record) throws InterruptedException {
    boolean sent = false;
    for (RecordWriter writer : writers) {
      try {
        writer.emit(record);
        sent = true;
      } catch (Partitioner.KeyFailure failure) {
        onKeyFailure.accept(record, failure.getMessage());
      }
    }
    if (sent) {
      metrics.recordOut();
    }
  }

  @Override
  public void processWatermark(long watermark) throws InterruptedException {
    ControlElement.Watermark element = new ControlElement.Watermark(watermark);
    for (RecordWriter writer : writers) {
      writer.broadcast(element, false);
    }
  }
}
