package io.millrace.engine.runtime.exchange;

import io.millrace.engine.api.StreamRecord;
import java.util.List;

/**
 * Writes one producer subtask's elements of one edge into the channels of the consumer subtasks,
 * collecting them into batches per channel. A batch is sent when full, and every buffered batch is
 * flushed by {@link #flushAll()} (the task calls it whenever its input runs dry, so latency stays low
 * under light load) and before barriers and end of input (checkpoint latency, clean shutdown).
 */
public final class RecordWriter {

  private final Channel[] channels;
  private final Partitioner partitioner;
  private final int batchSize;
  private final Object[][] buffers;
  private final int[] fill;
  private final BackpressureListener backpressure;
  private long recordsOut;

  public RecordWriter(List<Channel> channels, Partitioner partitioner, int batchSize,
      BackpressureListener backpressure) {
    this.channels = channels.toArray(Channel[]::new);
    this.partitioner = partitioner;
    this.batchSize = batchSize;
    this.buffers = new Object[this.channels.length][];
    this.fill = new int[this.channels.length];
    this.backpressure = backpressure;
  }

  /**
   * Sends a record to the channel(s) its partitioner picks.
   *
   * @throws Partitioner.KeyFailure when a HASH key expression fails; nothing was sent
   */
  public void emit(StreamRecord record) throws InterruptedException {
    int channel = partitioner.select(record);
    StreamRecord out = partitioner.keyed(record);
    recordsOut++;
    if (channel == Partitioner.ALL) {
      for (int c = 0; c < channels.length; c++) {
        append(c, out);
      }
    } else {
      append(channel, out);
    }
  }

  /** Sends a control element to every channel, in order after the records before it. */
  public void broadcast(ControlElement element, boolean flushNow) throws InterruptedException {
    for (int c = 0; c < channels.length; c++) {
      append(c, element);
      if (flushNow) {
        flush(c);
      }
    }
  }

  public void flushAll() throws InterruptedException {
    for (int c = 0; c < channels.length; c++) {
      flush(c);
    }
  }

  public long recordsOut() {
    return recordsOut;
  }

  private void append(int channel, Object element) throws InterruptedException {
    Object[] buffer = buffers[channel];
    if (buffer == null) {
      buffer = new Object[batchSize];
      buffers[channel] = buffer;
    }
    buffer[fill[channel]++] = element;
    if (fill[channel] == batchSize) {
      flush(channel);
    }
  }

  private void flush(int channel) throws InterruptedException {
    int size = fill[channel];
    if (size == 0) {
      return;
    }
    Batch batch = new Batch(buffers[channel], size);
    // The consumer owns the array from now on; the next batch gets a fresh one.
    buffers[channel] = null;
    fill[channel] = 0;
    channels[channel].send(batch, backpressure);
  }
}
