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
 * handling) and the record is not sent on that edge.
 */
public final class ExchangeDownstream implements Downstream {

  private final RecordWriter[] writers;
  private final BiConsumer<StreamRecord, String> onKeyFailure;

  public ExchangeDownstream(List<RecordWriter> writers, BiConsumer<StreamRecord, String> onKeyFailure) {
    this.writers = writers.toArray(RecordWriter[]::new);
    this.onKeyFailure = onKeyFailure;
  }

  public boolean isEmpty() {
    return writers.length == 0;
  }

  @Override
  public void processRecord(StreamRecord record) throws InterruptedException {
    for (RecordWriter writer : writers) {
      try {
        writer.emit(record);
      } catch (Partitioner.KeyFailure failure) {
        onKeyFailure.accept(record, failure.getMessage());
      }
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
