package io.millrace.connector.kafka.sink;

import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.connector.SinkWriter;
import java.util.function.Function;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One subtask's exactly-once writer: records go into the open transaction of the current pool slot;
 * at the barrier the transaction is flushed and sealed (its producer id and epoch read from the
 * coordinator make the committable), and the next slot of the pool takes the following records. See
 * {@link KafkaSink} for the whole protocol. Task thread only.
 */
final class TransactionalWriter implements SinkWriter<KafkaCommittable> {

  private static final Logger LOG = Logger.getLogger(TransactionalWriter.class.getName());

  private final String nodeId;
  private final int subtask;
  private final RecordRouter router;
  private final PreparedTransactions prepared;
  private final TransactionInspector inspector;
  private final TransactionSlot[] pool;
  private final SendFailures failures;
  private final ExpiredTimestamps expired;
  private final SinkWatch watch;
  private int current;

  TransactionalWriter(String nodeId, int subtask, int poolSize, TransactionalIds ids, RecordRouter router,
      Function<String, Producer<byte[], byte[]>> producers, PreparedTransactions prepared,
      TransactionInspector inspector, TopicRetention retention, SinkWatch watch) {
    this.watch = watch;
    this.nodeId = nodeId;
    this.subtask = subtask;
    this.router = router;
    this.prepared = prepared;
    this.inspector = inspector;
    this.failures = new SendFailures(nodeId, subtask, watch);
    this.expired = new ExpiredTimestamps(nodeId, subtask, retention, System::currentTimeMillis);
    this.pool = new TransactionSlot[poolSize];
    for (int i = 0; i < poolSize; i++) {
      String id = ids.id(subtask, i);
      pool[i] = new TransactionSlot(id, () -> producers.apply(id));
    }
  }

  @Override
  public void write(StreamRecord record) {
    watch.checkSometimes();
    failures.throwIfAny();
    ProducerRecord<byte[], byte[]> message = router.toMessage(record);
    expired.observe(message);
    try {
      pool[current].send(message, failures.callback());
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      throw watch.unreachable(e); // initTransactions/beginTransaction found no coordinator in time
    }
  }

  @Override
  public KafkaCommittable preCommit(long checkpointId) throws Exception {
    watch.check();
    try {
      return seal(checkpointId);
    } catch (Exception e) {
      RuntimeException unreachable = watch.unreachable(e);
      throw unreachable != null ? unreachable : e;
    }
  }

  private KafkaCommittable seal(long checkpointId) throws Exception {
    expired.report(checkpointId);
    TransactionSlot slot = pool[current];
    if (!slot.hasRecords()) {
      return null; // nothing written since the last barrier: the (empty) transaction simply continues
    }
    slot.flush();
    failures.throwIfAny();
    TransactionDescription d = inspector.describe(slot.transactionalId());
    if (d == null) {
      throw new KafkaSinkException("kafka-sink node " + nodeId + " subtask " + subtask + ": the transaction "
          + "coordinator does not know transactional id " + slot.transactionalId() + " after a flush");
    }
    KafkaCommittable committable = new KafkaCommittable(slot.transactionalId(), d.producerId(),
        (short) d.producerEpoch());
    slot.prepare(committable);
    prepared.put(committable, slot);
    int next = (current + 1) % pool.length;
    if (pool[next].isPrepared()) {
      throw new KafkaSinkException("kafka-sink node " + nodeId + " subtask " + subtask + ": all " + pool.length
          + " transactional ids hold transactions waiting for their checkpoint to complete (checkpoints keep"
          + " failing?); the job restarts from the last completed checkpoint");
    }
    current = next;
    return committable;
  }

  /** Aborts the open transaction; prepared ones stay in {@link PreparedTransactions} for commit or recovery. */
  @Override
  public void close() {
    for (TransactionSlot slot : pool) {
      slot.release();
    }
    inspector.close();
    expired.close();
    watch.close();
    if (failures.count() > 0) {
      LOG.warning(() -> "kafka-sink node=" + nodeId + " subtask=" + subtask + " closed after " + failures.count()
          + " failed sends");
    }
  }
}
