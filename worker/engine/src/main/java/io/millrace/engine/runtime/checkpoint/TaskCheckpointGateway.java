package io.millrace.engine.runtime.checkpoint;

/** How the coordinator reaches one running task (through its mailbox: never blocks the caller). */
public interface TaskCheckpointGateway {

  TaskId id();

  /** Source tasks only: inject the barrier of {@code checkpointId}. */
  void triggerCheckpoint(long checkpointId, boolean savepoint, boolean finalCheckpoint);

  void notifyCheckpointComplete(long checkpointId);

  void notifyCheckpointAborted(long checkpointId);
}
