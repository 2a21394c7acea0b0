package io.millrace.connector.kafka.sink;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One transactional id of a writer's pool and the producer that owns it. A slot is idle (no
 * transaction), open (records being written), or prepared (flushed and sealed at a barrier, waiting for
 * its checkpoint to complete). The producer is created and {@code initTransactions}-ed on first use —
 * which fences any earlier producer of the same id and aborts its open transaction — and then reused
 * for every later transaction of the slot.
 *
 * <p>When the writer goes away (task cancelled or failed), a prepared slot stays alive in
 * {@link PreparedTransactions}: its transaction may belong to a checkpoint that completed, and only the
 * live producer can commit it (see {@link KafkaSink} for why). Synchronized: commit and recovery may
 * run on another thread than the writer.
 */
final class TransactionSlot {

  private static final Logger LOG = Logger.getLogger(TransactionSlot.class.getName());

  private enum State { IDLE, OPEN, PREPARED, CLOSED }

  private final String transactionalId;
  private final Supplier<Producer<byte[], byte[]>> producers;
  private Producer<byte[], byte[]> producer;
  private State state = State.IDLE;
  private long records;
  private KafkaCommittable prepared;
  /** The writer is gone: close the producer as soon as the prepared transaction is committed or aborted. */
  private boolean orphaned;

  TransactionSlot(String transactionalId, Supplier<Producer<byte[], byte[]>> producers) {
    this.transactionalId = transactionalId;
    this.producers = producers;
  }

  String transactionalId() {
    return transactionalId;
  }

  synchronized void send(ProducerRecord<byte[], byte[]> message, Callback callback) {
    if (state == State.IDLE) {
      if (producer == null) {
        producer = producers.get();
        producer.initTransactions();
      }
      producer.beginTransaction();
      state = State.OPEN;
      records = 0;
    } else if (state != State.OPEN) {
      throw new IllegalStateException("transactional id " + transactionalId + " is " + state + ", cannot write");
    }
    producer.send(message, callback);
    records++;
  }

  /** True when an open transaction holds records (an empty one is never sealed: nothing to commit). */
  synchronized boolean hasRecords() {
    return state == State.OPEN && records > 0;
  }

  synchronized boolean isPrepared() {
    return state == State.PREPARED;
  }

  /** Flushes the open transaction: every record sent is acknowledged (or failed) when this returns. */
  synchronized void flush() {
    producer.flush();
  }

  /** Seals the flushed transaction as {@code committable}; it stays open on the broker until {@link #commit}. */
  synchronized void prepare(KafkaCommittable committable) {
    if (state != State.OPEN) {
      throw new IllegalStateException("transactional id " + transactionalId + " is " + state + ", cannot prepare");
    }
    prepared = committable;
    state = State.PREPARED;
  }

  synchronized boolean holds(KafkaCommittable committable) {
    return state == State.PREPARED && committable.equals(prepared);
  }

  /** Commits the prepared transaction; the slot becomes idle (or closes, when its writer is gone). */
  synchronized void commit() {
    if (state != State.PREPARED) {
      throw new IllegalStateException("transactional id " + transactionalId + " is " + state + ", cannot commit");
    }
    producer.commitTransaction();
    state = State.IDLE;
    prepared = null;
    if (orphaned) {
      close();
    }
  }

  /** Aborts whatever is open or prepared and closes the producer. Never throws. */
  synchronized void abortAndClose() {
    if (producer != null && (state == State.OPEN || state == State.PREPARED)) {
      try {
        producer.abortTransaction();
      } catch (RuntimeException e) {
        // fenced or broken producer: the next initTransactions on this id (or the broker's timeout) aborts it
        LOG.fine(() -> "kafka-sink: abort of " + transactionalId + " failed: " + e);
      }
    }
    close();
  }

  /**
   * The writer is done with this slot: an open transaction is aborted; a prepared one is kept for a
   * later commit or recovery.
   */
  synchronized void release() {
    if (state == State.PREPARED) {
      orphaned = true;
    } else {
      abortAndClose();
    }
  }

  private void close() {
    if (producer != null) {
      try {
        producer.close(Duration.ofSeconds(5));
      } catch (RuntimeException e) {
        LOG.fine(() -> "kafka-sink: closing producer of " + transactionalId + ": " + e);
      }
      producer = null;
    }
    state = State.CLOSED;
  }
}
