package io.millrace.connector.kafka.sink;

import java.lang.reflect.Field;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.internals.TransactionManager;
import org.apache.kafka.common.utils.ProducerIdAndEpoch;

/**
 * Commits a transaction that another producer opened — one that belongs to a completed checkpoint but
 * whose producer died with its worker process before the commit notification reached it.
 *
 * <p>Why reflection: the transaction coordinator accepts {@code EndTxn(commit)} from anyone who names
 * the transactional id with the exact producer id and epoch of the open transaction; the public way to
 * do that is KIP-939 ({@code initTransactions(keepPreparedTxn=true)} + {@code completeTransaction}),
 * which kafka-clients 4.2/4.3 do not expose (removed before release, KAFKA-19414). Without it the
 * checkpoint's output of that subtask would be lost, which an exactly-once sink must not do. This is
 * the technique Flink's Kafka connector has used in production for years ("resumeTransaction"): put a
 * fresh, never-initialised producer of the same transactional id into the IN_TRANSACTION state with
 * the stored producer id and epoch, then {@code commitTransaction()}. No InitProducerId is sent, so the
 * open transaction is not fenced or aborted.
 *
 * <p>It touches three private fields of {@link TransactionManager}. If a kafka-clients upgrade renames
 * them, {@link #resumeAndCommit} throws {@link UnsupportedOperationException} — the sink then falls
 * back to logging the loss — and {@code TransactionResumeIT} fails, so the upgrade cannot go unnoticed.
 */
final class TransactionResumer {

  private TransactionResumer() {}

  /**
   * Commits {@code committable}'s transaction through {@code fresh}, a producer created for the same
   * transactional id on which {@code initTransactions} was NOT called; closes nothing.
   *
   * @param transactionV2 whether the cluster's finalized {@code transaction.version} is 2 or more: the
   *     EndTxn request must use the protocol the transaction was opened with
   * @throws UnsupportedOperationException when this kafka-clients' internals are not the expected ones
   */
  static void resumeAndCommit(Producer<byte[], byte[]> fresh, KafkaCommittable committable, boolean transactionV2) {
    if (!(fresh instanceof KafkaProducer<byte[], byte[]> producer)) {
      throw new UnsupportedOperationException("cannot resume a transaction on " + fresh.getClass().getName());
    }
    TransactionManager manager = (TransactionManager) read(producer, KafkaProducer.class, "transactionManager");
    if (manager == null || !committable.transactionalId().equals(manager.transactionalId())) {
      throw new UnsupportedOperationException("the producer is not transactional for "
          + committable.transactionalId());
    }
    synchronized (manager) {
      write(manager, "producerIdAndEpoch", new ProducerIdAndEpoch(committable.producerId(), committable.epoch()));
      write(manager, "isTransactionV2Enabled", transactionV2);
      write(manager, "transactionStarted", true);
      write(manager, "currentState", inTransactionState(manager));
    }
    producer.commitTransaction();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object inTransactionState(TransactionManager manager) {
    Class<?> stateType = field(TransactionManager.class, "currentState").getType();
    if (!stateType.isEnum()) {
      throw new UnsupportedOperationException("TransactionManager.currentState is not an enum");
    }
    return Enum.valueOf((Class) stateType, "IN_TRANSACTION");
  }

  private static Object read(Object target, Class<?> type, String name) {
    try {
      return field(type, name).get(target);
    } catch (IllegalAccessException e) {
      throw unsupported(name, e);
    }
  }

  private static void write(TransactionManager target, String name, Object value) {
    try {
      field(TransactionManager.class, name).set(target, value);
    } catch (IllegalAccessException | IllegalArgumentException e) {
      throw unsupported(name, e);
    }
  }

  private static Field field(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException | RuntimeException e) {
      throw unsupported(name, e);
    }
  }

  private static UnsupportedOperationException unsupported(String field, Exception cause) {
    return new UnsupportedOperationException("kafka-clients internals changed (" + field + "): cannot resume a "
        + "transaction of another producer", cause);
  }
}
