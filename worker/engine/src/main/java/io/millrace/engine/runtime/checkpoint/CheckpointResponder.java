package io.millrace.engine.runtime.checkpoint;

/** How tasks answer the coordinator; called from task or snapshot threads. */
public interface CheckpointResponder {

  void acknowledge(TaskStateSnapshot snapshot);

  void decline(TaskId task, long checkpointId, CheckpointFailureReason reason, Throwable cause);

  /** A source task read all its input (bounded sources): the job ends with a final checkpoint. */
  void sourceFinished(TaskId task);
}
