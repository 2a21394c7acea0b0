package io.millrace.engine.runtime.task;

import io.millrace.engine.runtime.checkpoint.TaskId;

/** Told when a task runs and how it ended (on the task's thread; the end after its operators were closed). */
public interface TaskListener {

  /** The task's thread restored its state, opened its operators and starts processing (on the task's thread). */
  default void running(TaskId task) {}

  void finished(TaskId task);

  void failed(TaskId task, Throwable cause);

  void cancelled(TaskId task);
}
