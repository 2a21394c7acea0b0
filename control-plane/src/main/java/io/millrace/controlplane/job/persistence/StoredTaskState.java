package io.millrace.controlplane.job.persistence;

/** One task's opaque snapshot in a completed checkpoint (the worker's CheckpointAck.task_state bytes). */
public record StoredTaskState(String chainId, int subtask, byte[] taskState) {
}
