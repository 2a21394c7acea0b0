package io.millrace.engine.runtime.task;

/** A control action for a task, executed on its own thread between elements. */
sealed interface Mail {

  record TriggerCheckpoint(long checkpointId, boolean savepoint, boolean finalCheckpoint) implements Mail {}

  record CheckpointComplete(long checkpointId) implements Mail {}

  record CheckpointAborted(long checkpointId) implements Mail {}

  /** Something outside the task broke that the task depends on (a network channel): the task fails with it. */
  record Fail(RuntimeException cause) implements Mail {}
}
