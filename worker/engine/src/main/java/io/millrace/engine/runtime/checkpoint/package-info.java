/**
 * Aligned checkpoints of one job: the {@link io.millrace.engine.runtime.checkpoint.CheckpointCoordinator}
 * (in process now; the control plane takes this role in the next issue, behind the same interface)
 * triggers barriers at the sources, collects every task's acknowledgement into a {@link
 * io.millrace.engine.runtime.checkpoint.PendingCheckpoint}, and completes it into a {@link
 * io.millrace.engine.runtime.checkpoint.CompletedCheckpoint} only when ALL tasks acknowledged; then it
 * notifies the tasks (two-phase-commit sinks commit). Failures carry a typed {@link
 * io.millrace.engine.runtime.checkpoint.CheckpointFailureReason} and the task that caused them.
 */
package io.millrace.engine.runtime.checkpoint;
