package io.millrace.connector.kafka.sink;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;

/**
 * The send callback of one writer: keeps the first failure (the producer's I/O thread reports it) so
 * the task thread can fail at the next write or barrier, and counts all of them.
 */
final class SendFailures {

  private final String nodeId;
  private final int subtask;
  private final AtomicReference<Exception> first = new AtomicReference<>();
  private final AtomicLong count = new AtomicLong();
  private final Callback callback = (metadata, error) -> {
    if (error != null) {
      count.incrementAndGet();
      first.compareAndSet(null, error);
    }
  };

  private final SinkWatch watch;

  SendFailures(String nodeId, int subtask, SinkWatch watch) {
    this.nodeId = nodeId;
    this.subtask = subtask;
    this.watch = watch;
  }

  Callback callback() {
    return callback;
  }

  long count() {
    return count.get();
  }

  /** Throws when a send failed since the writer started: the records of the open transaction are not all in Kafka. */
  void throwIfAny() {
    Exception e = first.get();
    if (e != null) {
      // a send that timed out: no broker took the record in time — the unreachable-cluster error says so
      RuntimeException unreachable = watch == null ? null : watch.unreachable(e);
      if (unreachable != null) {
        throw unreachable;
      }
      throw new KafkaSinkException("kafka-sink node " + nodeId + " subtask " + subtask + ": " + count.get()
          + " record(s) could not be written to Kafka, first error: " + e, e);
    }
  }

  /** Returns and clears the first failure (delivery none: report, never fail). */
  Exception takeFirst() {
    return first.getAndSet(null);
  }
}
