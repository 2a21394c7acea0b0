/**
 * Tasks: one {@link io.millrace.engine.runtime.task.Task} per (operator chain, subtask), each on its
 * own thread. Chained operators call each other directly ({@link io.millrace.engine.runtime.task.OperatorHost}
 * and its outputs: no queue, no serialization). A {@link io.millrace.engine.runtime.task.SourceTask}
 * polls a connector's reader, assigns event time and generates watermarks; a {@link
 * io.millrace.engine.runtime.task.StreamTask} reads its input gate, combines watermarks and aligns
 * barriers. Both snapshot operator and keyed state at a barrier (the keyed upload runs off the task
 * thread) and acknowledge to the coordinator.
 */
package io.millrace.engine.runtime.task;
