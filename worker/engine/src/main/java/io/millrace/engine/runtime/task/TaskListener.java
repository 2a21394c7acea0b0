package io.millrace.engine.runtime.task;

import io.millrace.engine.runtime.checkpoint.TaskId;

/** Told how a task ended (on the task's thread, after its operators were closed). */
public interface TaskListener {

  void finished(TaskId task);

  void failed(TaskId task, Throwable cause);

  void cancelled(TaskId task);
}
