package io.millrace.engine.runtime.checkpoint;

/** Why a checkpoint did not complete (DESIGN.md §8.3: typed, with the task that caused it). */
public enum CheckpointFailureReason {
  /** A task could not take its snapshot (its exception is the cause). */
  DECLINED_BY_TASK,
  /** A task failed or the job was cancelled while the checkpoint was pending. */
  TASK_FAILURE,
  /** Not all acknowledgements arrived within the checkpoint timeout. */
  TIMEOUT,
  /** Writing to the checkpoint store failed. */
  STORAGE_ERROR,
  /** Another checkpoint is still pending (one at a time). */
  TOO_MANY_CONCURRENT,
  /** The job finished or is finishing: no new checkpoints. */
  JOB_NOT_RUNNING,
  /** A newer checkpoint's barrier overtook this one during alignment. */
  SUBSUMED
}
