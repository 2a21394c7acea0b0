package io.millrace.engine.runtime.task;

import io.millrace.engine.runtime.checkpoint.TaskId;

/**
 * A task could not restore its state from a checkpoint (a missing or corrupt file in the checkpoint store, state
 * that does not decode). Unlike a processing failure, restarting from the same checkpoint fails again: the
 * control plane falls back to an older checkpoint or fails the job.
 */
public class StateRestoreException extends RuntimeException {

  public StateRestoreException(TaskId task, long checkpointId, String what, Throwable cause) {
    super("task " + task + " could not restore its " + what + " from checkpoint " + checkpointId + ": "
        + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
  }
}
