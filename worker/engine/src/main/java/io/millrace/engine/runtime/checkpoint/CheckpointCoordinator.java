package io.millrace.engine.runtime.checkpoint;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Triggers checkpoints of one job and knows the completed ones. In process for now ({@link
 * InProcessCheckpointCoordinator}); the control plane implements it in the next issue (metadata in
 * PostgreSQL), so nothing in the runtime depends on the in-process implementation.
 */
public interface CheckpointCoordinator {

  /** Triggers a checkpoint now; the future completes when every task acknowledged (or fails with a {@link CheckpointException}). */
  CompletableFuture<CompletedCheckpoint> triggerCheckpoint();

  /** Triggers a savepoint: same mechanics, self-contained keyed snapshots. */
  CompletableFuture<CompletedCheckpoint> triggerSavepoint();

  /** The latest completed checkpoint or savepoint, if any. */
  Optional<CompletedCheckpoint> latestCompleted();
}
