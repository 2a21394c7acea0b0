package io.millrace.engine.connector;

import io.millrace.engine.api.StreamRecord;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An exactly-once in-memory sink for tests: each writer buffers its records in a transaction;
 * {@code preCommit} seals it as "prepared"; only {@code commit} makes it visible in {@link
 * #committed()}. Transactions lost with a failed task, or prepared for a checkpoint that never
 * completed, are aborted by {@link #recover}. One instance per sink node of a job, shared by its
 * writers and surviving restarts (like an external system).
 */
public final class CollectingSink implements Sink<Long> {

  private final AtomicLong transactionIds = new AtomicLong();
  private final Map<Long, List<StreamRecord>> prepared = new ConcurrentHashMap<>();
  private final Set<Long> committedTransactions = new HashSet<>();
  private final List<StreamRecord> committed = new ArrayList<>();
  private final AtomicLong written = new AtomicLong();

  @Override
  public SinkWriter<Long> createWriter(SinkWriterContext context) {
    return new Writer();
  }

  @Override
  public synchronized void commit(List<Long> committables) {
    for (Long transaction : committables) {
      if (committedTransactions.contains(transaction)) {
        continue; // idempotent: committed before a failure, committed again on recovery
      }
      List<StreamRecord> records = prepared.remove(transaction);
      if (records == null) {
        throw new IllegalStateException("transaction " + transaction + " is neither prepared nor committed");
      }
      committed.addAll(records);
      committedTransactions.add(transaction);
    }
  }

  @Override
  public synchronized void recover(List<Long> restored) {
    commit(restored);
    prepared.clear(); // everything else belonged to checkpoints that never completed
  }

  @Override
  public CommittableCodec<Long> committableCodec() {
    return new CommittableCodec<>() {
      @Override
      public byte[] encode(Long committable) {
        return ByteBuffer.allocate(8).putLong(committable).array();
      }

      @Override
      public Long decode(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getLong();
      }
    };
  }

  /** The committed records, in commit order. */
  public synchronized List<StreamRecord> committed() {
    return List.copyOf(committed);
  }

  /** The committed values, in commit order. */
  public synchronized List<Object> committedValues() {
    return committed.stream().map(StreamRecord::value).toList();
  }

  /** Records written by any writer so far, committed or not (for progress conditions in tests). */
  public long written() {
    return written.get();
  }

  /** Transactions prepared and not yet committed or aborted. */
  public int preparedTransactions() {
    return prepared.size();
  }

  private final class Writer implements SinkWriter<Long> {
    private List<StreamRecord> open = new ArrayList<>();

    @Override
    public void write(StreamRecord record) {
      open.add(record);
      written.incrementAndGet();
    }

    @Override
    public Long preCommit(long checkpointId) {
      long transaction = transactionIds.incrementAndGet();
      prepared.put(transaction, open);
      open = new ArrayList<>();
      return transaction;
    }

    @Override
    public void close() {
      open = new ArrayList<>(); // abort: never visible
    }
  }
}
