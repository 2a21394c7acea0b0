package io.millrace.engine.runtime;

import io.millrace.engine.runtime.checkpoint.TaskId;

/** A job failed because a task failed; the cause is the task's exception. */
public class JobFailedException extends RuntimeException {

  private final TaskId task;

  public JobFailedException(String job, TaskId task, Throwable cause) {
    super("job " + job + " failed: task " + task + " failed: " + cause, cause);
    this.task = task;
  }

  /** The task that failed first. */
  public TaskId task() {
    return task;
  }
}
