package io.millrace.engine.runtime.checkpoint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** A triggered checkpoint waiting for the acknowledgements of every task. Guarded by the coordinator. */
final class PendingCheckpoint {

  final long id;
  final boolean savepoint;
  final boolean finalCheckpoint;
  final long triggeredAtNanos = System.nanoTime();
  final CompletableFuture<CompletedCheckpoint> future = new CompletableFuture<>();
  private final Set<TaskId> waitingFor;
  private final List<TaskStateSnapshot> acknowledged = new ArrayList<>();

  PendingCheckpoint(long id, boolean savepoint, boolean finalCheckpoint, Set<TaskId> tasks) {
    this.id = id;
    this.savepoint = savepoint;
    this.finalCheckpoint = finalCheckpoint;
    this.waitingFor = new HashSet<>(tasks);
  }

  /** Records an acknowledgement; returns true when it was the last one missing. */
  boolean acknowledge(TaskStateSnapshot snapshot) {
    if (waitingFor.remove(snapshot.task())) {
      acknowledged.add(snapshot);
    }
    return waitingFor.isEmpty();
  }

  Set<TaskId> waitingFor() {
    return Set.copyOf(waitingFor);
  }

  CompletedCheckpoint complete() {
    return new CompletedCheckpoint(id, savepoint, acknowledged);
  }
}
