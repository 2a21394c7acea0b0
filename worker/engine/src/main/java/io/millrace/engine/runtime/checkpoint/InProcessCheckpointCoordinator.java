package io.millrace.engine.runtime.checkpoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The checkpoint coordinator of one job running in this process. One checkpoint at a time; a
 * checkpoint completes only when every task acknowledged; then every task is notified (sinks commit).
 * When every source finished, a FINAL checkpoint is triggered: once it completes, the job's output
 * is committed and tasks may end.
 */
public final class InProcessCheckpointCoordinator implements CheckpointCoordinator, CheckpointResponder, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(InProcessCheckpointCoordinator.class.getName());

  private final String jobName;
  private final Duration timeout;
  private final ScheduledExecutorService timer;
  private final List<TaskCheckpointGateway> sources = new ArrayList<>();
  private final List<TaskCheckpointGateway> tasks = new ArrayList<>();
  private final Set<TaskId> finishedSources = new HashSet<>();
  private final Consumer<CompletedCheckpoint> onCompleted;
  private long nextId;
  private PendingCheckpoint pending;
  private CompletedCheckpoint latest;
  private boolean running = true;
  private boolean finalRequested;
  private boolean finalCompleted;
  private ScheduledFuture<?> periodic;

  /**
   * @param firstId the first checkpoint id (after a restore: the restored id + 1, so ids stay unique)
   * @param onCompleted told about each completed checkpoint (retention, metadata), on the acking thread
   */
  public InProcessCheckpointCoordinator(String jobName, long firstId, Duration timeout,
      Consumer<CompletedCheckpoint> onCompleted) {
    this.jobName = jobName;
    this.nextId = firstId;
    this.timeout = timeout;
    this.onCompleted = onCompleted;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "checkpoint-timer-" + jobName);
      t.setDaemon(true);
      return t;
    });
  }

  /** Registers the job's tasks before they start. */
  public synchronized void register(TaskCheckpointGateway task, boolean source) {
    tasks.add(task);
    if (source) {
      sources.add(task);
    }
  }

  /** Triggers checkpoints every {@code interval} (skipped while one is pending). */
  public synchronized void startPeriodic(Duration interval) {
    long ms = interval.toMillis();
    periodic = timer.scheduleAtFixedRate(() -> trigger(false, false), ms, ms, TimeUnit.MILLISECONDS);
  }

  @Override
  public CompletableFuture<CompletedCheckpoint> triggerCheckpoint() {
    return trigger(false, false);
  }

  @Override
  public CompletableFuture<CompletedCheckpoint> triggerSavepoint() {
    return trigger(true, false);
  }

  @Override
  public synchronized Optional<CompletedCheckpoint> latestCompleted() {
    return Optional.ofNullable(latest);
  }

  private synchronized CompletableFuture<CompletedCheckpoint> trigger(boolean savepoint, boolean finalCheckpoint) {
    long id = nextId;
    if (!running || (!finalCheckpoint && finalRequested)) {
      return CompletableFuture.failedFuture(new CheckpointException(CheckpointFailureReason.JOB_NOT_RUNNING, id,
          null, "job " + jobName + " is not running or is finishing", null));
    }
    if (pending != null) {
      return CompletableFuture.failedFuture(new CheckpointException(CheckpointFailureReason.TOO_MANY_CONCURRENT,
          id, null, "checkpoint " + pending.id + " is still pending", null));
    }
    nextId++;
    Set<TaskId> ids = new HashSet<>();
    tasks.forEach(t -> ids.add(t.id()));
    PendingCheckpoint checkpoint = new PendingCheckpoint(id, savepoint, finalCheckpoint, ids);
    pending = checkpoint;
    timer.schedule(() -> expire(checkpoint), timeout.toMillis(), TimeUnit.MILLISECONDS);
    for (TaskCheckpointGateway source : sources) {
      source.triggerCheckpoint(id, savepoint, finalCheckpoint);
    }
    return checkpoint.future;
  }

  @Override
  public void acknowledge(TaskStateSnapshot snapshot) {
    CompletedCheckpoint completed;
    List<TaskCheckpointGateway> toNotify;
    PendingCheckpoint done;
    synchronized (this) {
      if (pending == null || pending.id != snapshot.checkpointId() || !pending.acknowledge(snapshot)) {
        return; // late ack of an aborted checkpoint, or more acks to come
      }
      done = pending;
      completed = done.complete();
      latest = completed;
      pending = null;
      finalCompleted |= done.finalCheckpoint;
      toNotify = List.copyOf(tasks);
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - done.triggeredAtNanos);
    LOG.info(() -> "job=" + jobName + " checkpoint=" + completed.id() + " completed in " + ms + " ms"
        + (completed.savepoint() ? " (savepoint)" : "") + (done.finalCheckpoint ? " (final)" : ""));
    onCompleted.accept(completed);
    toNotify.forEach(t -> t.notifyCheckpointComplete(completed.id()));
    done.future.complete(completed);
    triggerFinalIfRequested();
  }

  @Override
  public void decline(TaskId task, long checkpointId, CheckpointFailureReason reason, Throwable cause) {
    abort(checkpointId, new CheckpointException(reason, checkpointId, task,
        cause == null ? "declined" : String.valueOf(cause.getMessage()), cause));
  }

  @Override
  public void sourceFinished(TaskId task) {
    synchronized (this) {
      finishedSources.add(task);
      if (finishedSources.size() < sources.size() || finalRequested) {
        return;
      }
      finalRequested = true;
    }
    triggerFinalIfRequested();
  }

  /** A task failed or the job is cancelled: abort what is pending, trigger nothing more. */
  public void jobStopped(Throwable cause) {
    PendingCheckpoint aborted;
    synchronized (this) {
      running = false;
      aborted = pending;
      pending = null;
      if (periodic != null) {
        periodic.cancel(false);
      }
    }
    if (aborted != null) {
      aborted.future.completeExceptionally(new CheckpointException(CheckpointFailureReason.TASK_FAILURE,
          aborted.id, null, "the job stopped", cause));
    }
  }

  private void triggerFinalIfRequested() {
    synchronized (this) {
      if (!finalRequested || finalCompleted || pending != null || !running) {
        return;
      }
      if (periodic != null) {
        periodic.cancel(false);
      }
    }
    trigger(false, true).whenComplete((c, e) -> {
      if (e != null) {
        LOG.log(Level.WARNING, "job=" + jobName + " final checkpoint failed: " + e.getMessage());
      }
    });
  }

  private void expire(PendingCheckpoint checkpoint) {
    Set<TaskId> missing;
    synchronized (this) {
      if (pending != checkpoint) {
        return;
      }
      missing = checkpoint.waitingFor();
    }
    abort(checkpoint.id, new CheckpointException(CheckpointFailureReason.TIMEOUT, checkpoint.id,
        missing.stream().findFirst().orElse(null), "no acknowledgement within " + timeout + " from " + missing, null));
  }

  private void abort(long checkpointId, CheckpointException failure) {
    PendingCheckpoint aborted;
    List<TaskCheckpointGateway> toNotify;
    synchronized (this) {
      if (pending == null || pending.id != checkpointId) {
        return;
      }
      aborted = pending;
      pending = null;
      toNotify = List.copyOf(tasks);
    }
    LOG.warning(() -> "job=" + jobName + " " + failure.getMessage());
    toNotify.forEach(t -> t.notifyCheckpointAborted(checkpointId));
    aborted.future.completeExceptionally(failure);
    triggerFinalIfRequested();
  }

  @Override
  public void close() {
    jobStopped(null);
    timer.shutdownNow();
  }
}
