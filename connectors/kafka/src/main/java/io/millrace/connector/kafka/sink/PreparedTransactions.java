package io.millrace.connector.kafka.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The prepared (pre-committed, not yet committed) Kafka transactions of this process, with the live
 * producers that can still commit them, by transactional id. One instance per worker process, created
 * by whoever registers the Kafka connectors and shared by every job and attempt: it is what lets the
 * next attempt of a job commit, in {@link KafkaSink#recover}, the transactions that a failed attempt
 * pre-committed for a checkpoint that completed (kafka-clients has no public API to resume a
 * transaction with a new producer; see {@link KafkaSink}). Thread-safe.
 */
public final class PreparedTransactions {

  private final Map<String, TransactionSlot> slots = new ConcurrentHashMap<>();

  void put(KafkaCommittable committable, TransactionSlot slot) {
    TransactionSlot previous = slots.put(committable.transactionalId(), slot);
    if (previous != null && previous != slot) {
      previous.abortAndClose(); // the id was reused by a newer producer: the older one is fenced anyway
    }
  }

  /** Removes and returns the slot that holds exactly {@code committable}'s transaction, or null. */
  TransactionSlot take(KafkaCommittable committable) {
    TransactionSlot slot = slots.get(committable.transactionalId());
    if (slot != null && slot.holds(committable) && slots.remove(committable.transactionalId(), slot)) {
      return slot;
    }
    return null;
  }

  /** Removes and returns every slot whose transactional id starts with {@code prefix}. */
  List<TransactionSlot> drain(String prefix) {
    List<TransactionSlot> drained = new ArrayList<>();
    for (var e : slots.entrySet()) {
      if (e.getKey().startsWith(prefix) && slots.remove(e.getKey(), e.getValue())) {
        drained.add(e.getValue());
      }
    }
    return drained;
  }

  /** How many prepared transactions wait for a commit (for tests and metrics). */
  public int size() {
    return slots.size();
  }
}
