package io.millrace.engine.runtime.checkpoint;

/** A checkpoint failed: the typed reason, the checkpoint and (if known) the task that caused it. */
public class CheckpointException extends RuntimeException {

  private final CheckpointFailureReason reason;
  private final long checkpointId;
  private final TaskId task;

  public CheckpointException(CheckpointFailureReason reason, long checkpointId, TaskId task, String message,
      Throwable cause) {
    super("checkpoint " + checkpointId + " failed (" + reason + (task == null ? "" : ", task " + task) + "): "
        + message, cause);
    this.reason = reason;
    this.checkpointId = checkpointId;
    this.task = task;
  }

  public CheckpointFailureReason reason() {
    return reason;
  }

  public long checkpointId() {
    return checkpointId;
  }

  /** The task that caused it, or null. */
  public TaskId task() {
    return task;
  }
}
