package io.millrace.engine.runtime;

import io.millrace.engine.runtime.checkpoint.CheckpointFailureReason;
import io.millrace.engine.runtime.checkpoint.CompletedCheckpoint;
import io.millrace.engine.runtime.checkpoint.TaskId;
import io.millrace.engine.runtime.checkpoint.TaskStateSnapshotCodec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays the control plane for the {@link JobSlice}s of one attempt in a test: triggers checkpoints at every
 * slice, collects the encoded task states from the listeners, completes the checkpoint when every task of the
 * placement acknowledged (then notifies every slice), and triggers the final checkpoint once every source
 * finished. Records task states for assertions.
 */
public final class SliceCoordinator implements SliceListener {

  record Failure(TaskId task, Throwable cause, boolean restoreFailed) {}

  private final Set<TaskId> allTasks;
  private final Set<TaskId> sourceTasks;
  private final List<JobSlice> slices = new ArrayList<>();
  private final Set<TaskId> finishedSources = new HashSet<>();
  final Set<TaskId> running = ConcurrentHashMap.newKeySet();
  final Set<TaskId> finished = ConcurrentHashMap.newKeySet();
  final Set<TaskId> cancelled = ConcurrentHashMap.newKeySet();
  final List<Failure> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
  final CompletableFuture<Void> allFinished = new CompletableFuture<>();

  /** Completes when every task finished; fails with the first task failure. */
  public CompletableFuture<Void> allFinished() {
    return allFinished;
  }
  private long nextId;
  private Pending pending;
  private boolean finalRequested;
  private boolean finalTriggered;

  private static final class Pending {
    final long id;
    final boolean savepoint;
    final boolean finalCheckpoint;
    final Map<TaskId, byte[]> acks = new ConcurrentHashMap<>();
    final CompletableFuture<CompletedCheckpoint> future = new CompletableFuture<>();

    Pending(long id, boolean savepoint, boolean finalCheckpoint) {
      this.id = id;
      this.savepoint = savepoint;
      this.finalCheckpoint = finalCheckpoint;
    }
  }

  public SliceCoordinator(Set<TaskId> allTasks, Set<TaskId> sourceTasks, long firstCheckpointId) {
    this.allTasks = Set.copyOf(allTasks);
    this.sourceTasks = Set.copyOf(sourceTasks);
    this.nextId = firstCheckpointId;
  }

  public synchronized void add(JobSlice slice) {
    slices.add(slice);
  }

  CompletableFuture<CompletedCheckpoint> triggerCheckpoint() {
    return trigger(false, false);
  }

  CompletableFuture<CompletedCheckpoint> triggerSavepoint() {
    return trigger(true, false);
  }

  private CompletableFuture<CompletedCheckpoint> trigger(boolean savepoint, boolean finalCheckpoint) {
    List<JobSlice> targets;
    Pending p;
    synchronized (this) {
      if (pending != null) {
        return CompletableFuture.failedFuture(new IllegalStateException("checkpoint " + pending.id + " pending"));
      }
      p = new Pending(nextId++, savepoint, finalCheckpoint);
      pending = p;
      targets = List.copyOf(slices);
    }
    targets.forEach(s -> s.triggerCheckpoint(p.id, savepoint, finalCheckpoint));
    return p.future;
  }

  @Override
  public void acknowledged(TaskId task, long checkpointId, byte[] taskState, long stateSizeBytes) {
    Pending done;
    List<JobSlice> targets;
    synchronized (this) {
      if (pending == null || pending.id != checkpointId) {
        return;
      }
      pending.acks.put(task, taskState);
      if (!pending.acks.keySet().equals(allTasks)) {
        return;
      }
      done = pending;
      pending = null;
      targets = List.copyOf(slices);
    }
    // as the control plane does: the restore input is the opaque task states, decoded by the engine
    CompletedCheckpoint completed = new CompletedCheckpoint(done.id, done.savepoint,
        done.acks.values().stream().map(TaskStateSnapshotCodec::decode).toList());
    targets.forEach(s -> s.notifyCheckpointComplete(done.id));
    done.future.complete(completed);
    triggerFinalIfDue();
  }

  @Override
  public void declined(TaskId task, long checkpointId, CheckpointFailureReason reason, String message) {
    Pending aborted;
    List<JobSlice> targets;
    synchronized (this) {
      if (pending == null || pending.id != checkpointId) {
        return;
      }
      aborted = pending;
      pending = null;
      targets = List.copyOf(slices);
      if (aborted.finalCheckpoint) {
        finalTriggered = false;
      }
    }
    targets.forEach(s -> s.notifyCheckpointAborted(checkpointId));
    aborted.future.completeExceptionally(new IllegalStateException(task + " declined " + checkpointId + ": "
        + reason + " " + message));
    triggerFinalIfDue();
  }

  @Override
  public void sourceFinished(TaskId task) {
    synchronized (this) {
      finishedSources.add(task);
      finalRequested = finishedSources.containsAll(sourceTasks);
    }
    triggerFinalIfDue();
  }

  private void triggerFinalIfDue() {
    synchronized (this) {
      if (!finalRequested || finalTriggered || pending != null) {
        return;
      }
      finalTriggered = true;
    }
    trigger(false, true);
  }

  @Override
  public void taskRunning(TaskId task) {
    running.add(task);
  }

  @Override
  public void taskFinished(TaskId task) {
    finished.add(task);
    if (finished.containsAll(allTasks)) {
      allFinished.complete(null);
    }
  }

  @Override
  public void taskCancelled(TaskId task) {
    cancelled.add(task);
  }

  @Override
  public void taskFailed(TaskId task, Throwable cause, boolean restoreFailed) {
    failures.add(new Failure(task, cause, restoreFailed));
    allFinished.completeExceptionally(cause);
  }
}
