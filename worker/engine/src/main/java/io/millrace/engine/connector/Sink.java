package io.millrace.engine.connector;

import java.util.List;

/**
 * A sink connector with a two-phase-commit contract (exactly-once). Shared by all subtasks of a sink
 * node (thread-safe); writers are per subtask.
 *
 * @param <C> the committable: what {@link SinkWriter#preCommit} returns (a transaction id, a file
 *     part to publish), stored in the checkpoint by {@link #committableCodec()}
 */
public interface Sink<C> {

  SinkWriter<C> createWriter(SinkWriterContext context) throws Exception;

  /**
   * Makes pre-committed output visible. Must be IDEMPOTENT: after a failure the same committable may
   * be committed again (it was in a completed checkpoint but the commit's outcome is unknown).
   */
  void commit(List<C> committables) throws Exception;

  /**
   * Called once per job start from a checkpoint, before any writer is created: commit {@code
   * restored} (they were pre-committed in the completed checkpoint being restored) and abort every
   * other transaction this sink left open (they belong to checkpoints that never completed).
   */
  void recover(List<C> restored) throws Exception;

  CommittableCodec<C> committableCodec();
}
