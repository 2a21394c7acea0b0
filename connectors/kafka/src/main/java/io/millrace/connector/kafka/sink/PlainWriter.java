package io.millrace.connector.kafka.sink;

import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.connector.SinkWriter;
import java.time.Duration;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One subtask's writer without transactions. {@code at-least-once}: idempotent producer with acks=all,
 * flushed at every barrier so the checkpoint only completes once everything before it is in Kafka (a
 * restart replays what came after: duplicates, never loss). {@code none}: nothing is awaited, send
 * failures are counted and logged. Task thread only.
 */
final class PlainWriter implements SinkWriter<KafkaCommittable> {

  private static final Logger LOG = Logger.getLogger(PlainWriter.class.getName());

  private final String nodeId;
  private final int subtask;
  private final Delivery delivery;
  private final RecordRouter router;
  private final Producer<byte[], byte[]> producer;
  private final SendFailures failures;
  private final ExpiredTimestamps expired;
  private final SinkWatch watch;
  private long reported;

  PlainWriter(String nodeId, int subtask, Delivery delivery, RecordRouter router, Producer<byte[], byte[]> producer,
      TopicRetention retention, SinkWatch watch) {
    this.watch = watch;
    this.nodeId = nodeId;
    this.subtask = subtask;
    this.delivery = delivery;
    this.router = router;
    this.producer = producer;
    this.failures = new SendFailures(nodeId, subtask, watch);
    this.expired = new ExpiredTimestamps(nodeId, subtask, retention, System::currentTimeMillis);
  }

  @Override
  public void write(StreamRecord record) {
    watch.checkSometimes();
    if (delivery == Delivery.AT_LEAST_ONCE) {
      failures.throwIfAny();
    }
    ProducerRecord<byte[], byte[]> message = router.toMessage(record);
    expired.observe(message);
    producer.send(message, failures.callback());
  }

  @Override
  public KafkaCommittable preCommit(long checkpointId) {
    watch.check();
    expired.report(checkpointId);
    if (delivery == Delivery.AT_LEAST_ONCE) {
      producer.flush();
      failures.throwIfAny();
    } else {
      Exception first = failures.takeFirst();
      long lost = failures.count() - reported;
      if (first != null && lost > 0) {
        reported = failures.count();
        LOG.warning(() -> "kafka-sink node=" + nodeId + " subtask=" + subtask + " delivery=none: " + lost
            + " record(s) not written before checkpoint " + checkpointId + ", first error: " + first);
      }
    }
    return null;
  }

  @Override
  public void close() {
    // at-least-once: whatever is unflushed is replayed from the last checkpoint, so no need to wait long
    producer.close(Duration.ofSeconds(delivery == Delivery.AT_LEAST_ONCE ? 0 : 5));
    expired.close();
    watch.close();
  }
}
