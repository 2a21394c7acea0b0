package io.millrace.engine.runtime.task;

/** The task was cancelled (or interrupted) while it waited; not a failure of its own. */
public final class TaskCancelledException extends RuntimeException {
  public TaskCancelledException(String task) {
    super("task " + task + " was cancelled", null, false, false);
  }
}
