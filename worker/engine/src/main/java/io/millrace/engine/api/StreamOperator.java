package io.millrace.engine.api;

import java.util.List;

/**
 * The lifecycle every operator shares; see {@link OneInputOperator} and {@link TwoInputOperator} for
 * the record callbacks. All methods are called from the one thread of the task that runs the
 * operator, in this order: {@link #open}, then any number of records, watermarks, timers and
 * checkpoints, then {@link #endInput} (bounded input only), then {@link #close} (always, also after a
 * failure or cancellation).
 *
 * <p>State: keyed state lives in the keyed state backend ({@link OperatorContext}) and is
 * snapshotted by the runtime; operator (non-keyed) state is what {@link #snapshotOperatorState}
 * returns, handed back on restore by {@link OperatorContext#restoredOperatorState()}.
 */
public interface StreamOperator extends AutoCloseable {

  /**
   * Prepares the operator: compile expressions, declare state, restore operator state. A bad setting
   * is an {@link OperatorSetupException} naming the node and the setting.
   */
  void open(OperatorContext context) throws Exception;

  /**
   * A watermark from the inputs (for two-input operators: the minimum of both). The runtime has
   * already fired every event-time timer {@code <= watermark}. Default: forward it.
   */
  default void processWatermark(long watermark, Output out) throws Exception {
    out.emitWatermark(watermark);
  }

  /**
   * An event-time timer fired (watermark passed {@code timer.timestamp()}); the current key is the
   * timer's key.
   */
  default void onEventTimeTimer(Timer timer, Output out) throws Exception {}

  /** A processing-time timer fired; the current key is the timer's key. */
  default void onProcessingTimeTimer(Timer timer, Output out) throws Exception {}

  /**
   * Called on the barrier of {@code checkpointId}, BEFORE the barrier goes downstream: last chance to
   * emit records that belong before the checkpoint (e.g. flush a buffer). Two-phase-commit sinks
   * pre-commit here.
   */
  default void prepareSnapshotPreBarrier(long checkpointId, Output out) throws Exception {}

  /**
   * The operator's non-keyed state at this checkpoint, as independent entries. On restore with a
   * different parallelism the entries of all old subtasks are spread round-robin over the new ones
   * (so each entry must make sense alone, like one source split or one pending transaction).
   * Default: no state. Must not keep references to mutable objects: copy into the bytes.
   */
  default List<byte[]> snapshotOperatorState(long checkpointId) throws Exception {
    return List.of();
  }

  /**
   * Checkpoint {@code checkpointId} completed on every task (it is durable). Two-phase-commit sinks
   * commit here. May be skipped for a checkpoint when a later one completes first: then commit
   * everything up to the later id.
   */
  default void notifyCheckpointComplete(long checkpointId) throws Exception {}

  /** Checkpoint {@code checkpointId} was aborted (timeout, a task declined); nothing to commit. */
  default void notifyCheckpointAborted(long checkpointId) throws Exception {}

  /**
   * All inputs ended (bounded sources) and the final watermark {@code Long.MAX_VALUE} was processed.
   * Emitting here is allowed.
   */
  default void endInput(Output out) throws Exception {}

  /** Releases resources. Always called, also after failures; must not throw for a half-open operator. */
  @Override
  default void close() throws Exception {}
}
