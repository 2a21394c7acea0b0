package io.millrace.engine.runtime;

import io.millrace.engine.connector.Sink;
import io.millrace.engine.runtime.checkpoint.CheckpointCoordinator;
import io.millrace.engine.runtime.checkpoint.CompletedCheckpoint;
import io.millrace.engine.runtime.checkpoint.CompletedCheckpointCodec;
import io.millrace.engine.runtime.checkpoint.InProcessCheckpointCoordinator;
import io.millrace.engine.runtime.checkpoint.TaskId;
import io.millrace.engine.runtime.task.SinkOperator;
import io.millrace.engine.runtime.task.Task;
import io.millrace.engine.runtime.task.TaskListener;
import io.millrace.engine.runtime.task.TaskMetrics;
import io.millrace.engine.runtime.task.TaskServices;
import io.millrace.spec.plan.PhysicalPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * One job running in this process: its tasks (a thread each), their exchanges and its checkpoint
 * coordinator. A task failure fails the job with that task's exception and cancels the other tasks;
 * {@link #result()} completes when every task ended.
 *
 * <p>Start from a {@link CompletedCheckpoint} to restore (possibly compiled at another parallelism):
 * sinks first recover (commit the checkpoint's pre-committed transactions, abort the rest), then each
 * task takes its share of operator state and the keyed state of its key groups.
 */
public final class LocalJob implements TaskListener, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LocalJob.class.getName());

  private final String name;
  private final Connectors connectors;
  private final JobConfig config;
  private final CompletedCheckpoint restoreFrom;
  private final InProcessCheckpointCoordinator coordinator;
  private final ExecutorService snapshotExecutor;
  private final List<Task> tasks;
  private final AtomicInteger running;
  private final AtomicReference<TaskId> failedTask = new AtomicReference<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final CompletableFuture<Void> result = new CompletableFuture<>();
  private final List<CompletedCheckpoint> completed = new ArrayList<>();
  private volatile boolean cancelRequested;

  private LocalJob(PhysicalPlan plan, Connectors connectors, VertexOperatorFactory factory, JobConfig config,
      CompletedCheckpoint restoreFrom) {
    this.name = plan.graph().name();
    // Resolve kinds once per node: every subtask of a node and the sink recovery share one instance.
    this.connectors = connectors.bind(plan.graph());
    this.config = config;
    this.restoreFrom = restoreFrom;
    this.coordinator = new InProcessCheckpointCoordinator(name, restoreFrom == null ? 1 : restoreFrom.id() + 1,
        config.checkpointTimeout(), this::onCompleted);
    this.snapshotExecutor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "snapshot-" + name);
      t.setDaemon(true);
      return t;
    });
    TaskServices services = new TaskServices(name, plan.graph().maxParallelism(), config.expressionCompiler(),
        config.clock(), config.stateBackend(), config.checkpointStore(), config.workingDirectory(),
        snapshotExecutor, coordinator, this, restoreFrom);
    this.tasks = new TaskGraphBuilder(plan, this.connectors, factory, config, services).build();
    this.running = new AtomicInteger(tasks.size());
    for (Task task : tasks) {
      coordinator.register(task, TaskGraphBuilder.isSource(plan.graph(), task.id().chain()));
    }
  }

  /**
   * Builds the job (nothing runs yet).
   *
   * @param restoreFrom a completed checkpoint or savepoint to start from, or null
   */
  public static LocalJob create(PhysicalPlan plan, Connectors connectors, VertexOperatorFactory factory,
      JobConfig config, CompletedCheckpoint restoreFrom) {
    return new LocalJob(plan, connectors, factory, config, restoreFrom);
  }

  /** Recovers the sinks (on restore) and starts every task. */
  public LocalJob start() throws Exception {
    if (restoreFrom != null) {
      for (Map.Entry<String, Sink<?>> sink : connectors.sinks().entrySet()) {
        recover(sink.getValue(), restoreFrom.operatorState(sink.getKey()));
      }
    }
    LOG.info(() -> "job=" + name + " starting " + tasks.size() + " tasks"
        + (restoreFrom == null ? "" : " from checkpoint " + restoreFrom.id()
            + (restoreFrom.dropped().isEmpty() ? "" : " dropping state " + restoreFrom.dropped())));
    tasks.forEach(Task::start);
    if (config.checkpointInterval() != null) {
      coordinator.startPeriodic(config.checkpointInterval());
    }
    return this;
  }

  private static <C> void recover(Sink<C> sink, List<byte[]> entries) throws Exception {
    sink.recover(SinkOperator.committables(entries, sink.committableCodec()));
  }

  /** Completes when every task ended: normally, or exceptionally with {@link JobFailedException} / cancellation. */
  public CompletableFuture<Void> result() {
    return result;
  }

  public CheckpointCoordinator checkpoints() {
    return coordinator;
  }

  /** Every checkpoint completed so far, oldest first. */
  public synchronized List<CompletedCheckpoint> completedCheckpoints() {
    return List.copyOf(completed);
  }

  public Map<TaskId, TaskMetrics> taskMetrics() {
    Map<TaskId, TaskMetrics> metrics = new LinkedHashMap<>();
    tasks.forEach(t -> metrics.put(t.id(), t.metrics()));
    return metrics;
  }

  /**
   * Every node's counters and gauges now (source readers' included, e.g. Kafka lag), per task, then per node id,
   * then per metric name. Safe from any thread; gauges are read by this call.
   */
  public Map<TaskId, Map<String, Map<String, Long>>> nodeMetrics() {
    Map<TaskId, Map<String, Map<String, Long>>> metrics = new LinkedHashMap<>();
    tasks.forEach(t -> metrics.put(t.id(), t.nodeMetrics()));
    return metrics;
  }

  public List<Task> tasks() {
    return tasks;
  }

  /** Cancels every task; {@link #result()} completes with a {@link CancellationException}. */
  public void cancel() {
    cancelRequested = true;
    coordinator.jobStopped(null);
    tasks.forEach(Task::cancel);
  }

  /**
   * Keeps the checkpoint and, with a store, writes its metadata next to its files (a savepoint can then
   * be restored by another process). A metadata write failure is logged: the checkpoint stays usable
   * in this process. (Retention and the control plane's metadata transaction come with the next issue.)
   */
  private void onCompleted(CompletedCheckpoint checkpoint) {
    synchronized (this) {
      completed.add(checkpoint);
    }
    if (config.checkpointStore() != null) {
      try {
        CompletedCheckpointCodec.write(config.checkpointStore(), name, checkpoint);
      } catch (java.io.IOException e) {
        LOG.warning(() -> "job=" + name + " checkpoint=" + checkpoint.id() + " metadata not stored: " + e);
      }
    }
  }

  @Override
  public void finished(TaskId task) {
    ended();
  }

  @Override
  public void cancelled(TaskId task) {
    ended();
  }

  @Override
  public void failed(TaskId task, Throwable cause) {
    if (failure.compareAndSet(null, cause)) {
      failedTask.set(task);
      LOG.warning(() -> "job=" + name + " task=" + task + " failed: " + cause + "; cancelling the other tasks");
      coordinator.jobStopped(cause);
      for (Task other : tasks) {
        if (!other.id().equals(task)) {
          other.cancel();
        }
      }
    }
    ended();
  }

  private void ended() {
    if (running.decrementAndGet() > 0) {
      return;
    }
    coordinator.close();
    snapshotExecutor.shutdown();
    Throwable cause = failure.get();
    if (cause != null) {
      result.completeExceptionally(new JobFailedException(name, failedTask.get(), cause));
    } else if (cancelRequested) {
      result.completeExceptionally(new CancellationException("job " + name + " was cancelled"));
    } else {
      LOG.info(() -> "job=" + name + " finished");
      result.complete(null);
    }
  }

  /** Cancels the job if it still runs and waits for its tasks to end. */
  @Override
  public void close() throws InterruptedException {
    if (!result.isDone()) {
      cancel();
    }
    for (Task task : tasks) {
      task.join(10_000);
    }
  }
}
