package io.millrace.engine.runtime.task;

/** A control action for a task, executed on its own thread between elements. */
sealed interface Mail {

  record TriggerCheckpoint(long checkpointId, boolean savepoint, boolean finalCheckpoint) implements Mail {}

  record CheckpointComplete(long checkpointId) implements Mail {}

  record CheckpointAborted(long checkpointId) implements Mail {}
}
