package io.millrace.engine.runtime;

import io.millrace.engine.runtime.checkpoint.CheckpointFailureReason;
import io.millrace.engine.runtime.checkpoint.TaskId;

/**
 * What a {@link JobSlice} tells the worker (which forwards it to the control plane). Called from task and
 * snapshot threads: implementations must not block for long.
 */
public interface SliceListener {

  /** The task's thread started processing (state restored, operators open). */
  void taskRunning(TaskId task);

  void taskFinished(TaskId task);

  void taskCancelled(TaskId task);

  /**
   * @param restoreFailed true when the task failed while restoring its state (missing or corrupt checkpoint
   *     files, undecodable state): retrying from the same checkpoint will fail again
   */
  void taskFailed(TaskId task, Throwable cause, boolean restoreFailed);

  /** A source task read all its input (bounded job): the coordinator triggers the final checkpoint. */
  void sourceFinished(TaskId task);

  /** The task's snapshot of {@code checkpointId}, encoded with {@code TaskStateSnapshotCodec}. */
  void acknowledged(TaskId task, long checkpointId, byte[] taskState, long stateSizeBytes);

  void declined(TaskId task, long checkpointId, CheckpointFailureReason reason, String message);
}
