package io.millrace.engine.runtime.exchange;

import io.millrace.engine.api.StreamRecord;
import io.millrace.spec.expr.CompiledExpression;
import io.millrace.spec.expr.EvalResult;
import io.millrace.spec.plan.KeyGroups;

/**
 * Picks the target channel (= consumer subtask index) of a record on one edge; one instance per
 * producer subtask and edge (rebalance keeps a cursor, so instances are not shared between threads).
 */
public sealed interface Partitioner {

  /** Returned by {@link #select} when the record goes to every channel. */
  int ALL = -1;

  /**
   * The channel index, or {@link #ALL}. May replace the record's key (HASH computes it): the
   * record to send is then {@link #keyed()}.
   *
   * @throws KeyFailure when the key expression fails on this record
   */
  int select(StreamRecord record);

  /** The record as last selected, with its key when this partitioner computes keys. */
  default StreamRecord keyed(StreamRecord selected) {
    return selected;
  }

  /** Subtask i to subtask i. */
  record Forward(int producerIndex) implements Partitioner {
    @Override
    public int select(StreamRecord record) {
      return producerIndex;
    }
  }

  /** Every record to every consumer. */
  record Broadcast() implements Partitioner {
    @Override
    public int select(StreamRecord record) {
      return ALL;
    }
  }

  /** Round-robin; each producer starts at its own index so that producers do not move in lock-step. */
  final class Rebalance implements Partitioner {
    private final int channels;
    private int next;

    public Rebalance(int producerIndex, int channels) {
      this.channels = channels;
      this.next = producerIndex % channels;
    }

    @Override
    public int select(StreamRecord record) {
      int channel = next;
      next = channel + 1 == channels ? 0 : channel + 1;
      return channel;
    }
  }

  /**
   * By key: the key expression is evaluated ONCE here (the sender of the HASH edge) and carried with
   * the record; key → key group ({@link KeyGroups}, the same arithmetic as state) → owning subtask.
   */
  final class Hash implements Partitioner {
    private final CompiledExpression keyExpression;
    private final int maxParallelism;
    private final int channels;
    private StreamRecord lastKeyed;

    public Hash(CompiledExpression keyExpression, int maxParallelism, int channels) {
      this.keyExpression = keyExpression;
      this.maxParallelism = maxParallelism;
      this.channels = channels;
    }

    @Override
    public int select(StreamRecord record) {
      EvalResult result = keyExpression.evaluate(record.value(), record.key(), record.timestamp());
      if (result instanceof EvalResult.Failed failed) {
        throw new KeyFailure(keyExpression.source(), failed.reason());
      }
      Object key = ((EvalResult.Value) result).value();
      lastKeyed = record.withKey(key);
      int keyGroup = KeyGroups.keyGroupFor(key, maxParallelism);
      return KeyGroups.subtaskFor(keyGroup, maxParallelism, channels);
    }

    @Override
    public StreamRecord keyed(StreamRecord selected) {
      return lastKeyed;
    }
  }

  /** The key expression of a HASH edge failed on a record (it goes to the sender's dead-letter output). */
  final class KeyFailure extends RuntimeException {
    public KeyFailure(String expression, String reason) {
      super("key expression `" + expression + "` failed: " + reason, null, false, false);
    }
  }
}
