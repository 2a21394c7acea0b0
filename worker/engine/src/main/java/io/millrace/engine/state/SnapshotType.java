package io.millrace.engine.state;

/** Checkpoints may share files with earlier checkpoints; savepoints are self-contained. */
public enum SnapshotType {
  /** Incremental where the backend supports it: reuses files under the store's shared area. */
  CHECKPOINT,
  /** Self-contained: every file is copied under the savepoint path, nothing shared. */
  SAVEPOINT
}
