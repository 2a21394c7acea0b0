package io.millrace.engine.runtime.task;

import io.millrace.engine.connector.SplitAssignment;
import io.millrace.engine.runtime.checkpoint.CheckpointFailureReason;
import io.millrace.engine.runtime.checkpoint.TaskCheckpointGateway;
import io.millrace.engine.runtime.checkpoint.TaskId;
import io.millrace.engine.runtime.checkpoint.TaskStateSnapshot;
import io.millrace.engine.runtime.exchange.ControlElement;
import io.millrace.engine.runtime.exchange.ControlElement.Barrier;
import io.millrace.engine.runtime.exchange.RecordWriter;
import io.millrace.engine.state.KeyedBackendParameters;
import io.millrace.engine.state.KeyedStateBackend;
import io.millrace.engine.state.KeyedStateHandle;
import io.millrace.engine.state.SnapshotTask;
import io.millrace.engine.state.SnapshotType;
import io.millrace.spec.plan.JobVertex;
import io.millrace.spec.plan.KeyGroupRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;

/**
 * One parallel instance of an operator chain, on its own thread. Owns its operators, its keyed
 * backend and its output writers; everything it owns is touched only by its thread. The coordinator
 * and the job talk to it through a mailbox (checkpoint triggers and notifications) and {@link
 * #cancel()}.
 *
 * <p>End of a bounded job: after its input ended a task waits for the FINAL checkpoint's barrier,
 * snapshots, and ends only when that checkpoint completed, so two-phase-commit sinks commit the last
 * output before the job is reported finished.
 */
public abstract class Task implements TaskCheckpointGateway {

  private static final Logger LOG = Logger.getLogger(Task.class.getName());
  private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

  protected final TaskId id;
  protected final TaskServices services;
  protected final List<OperatorHost> hosts;
  protected final List<RecordWriter> writers;
  protected final TaskMetrics metrics;
  private final KeyGroupRange keyGroups;
  private final ConcurrentLinkedQueue<Mail> mailbox = new ConcurrentLinkedQueue<>();
  private volatile boolean cancelled;
  private volatile Thread thread;
  protected KeyedStateBackend backend;
  private long finalCheckpointId = -1;
  private boolean finalCheckpointCompleted;

  /**
   * @param hosts the chain's operators in data-flow order (a source task: without the source)
   * @param writers every record writer of the task (main and side outputs), for barriers and markers
   * @param keyGroups the subtask's key groups if the chain is keyed, else null
   */
  protected Task(TaskId id, TaskServices services, List<OperatorHost> hosts, List<RecordWriter> writers,
      KeyGroupRange keyGroups, TaskMetrics metrics) {
    this.id = id;
    this.services = services;
    this.hosts = List.copyOf(hosts);
    this.writers = List.copyOf(writers);
    this.keyGroups = keyGroups;
    this.metrics = metrics;
  }

  @Override
  public TaskId id() {
    return id;
  }

  public TaskMetrics metrics() {
    return metrics;
  }

  /**
   * Every counter and gauge of the task's nodes now, by node id in data-flow order (a source task: the
   * source node first), then by metric name. Safe from any thread.
   */
  public final Map<String, Map<String, Long>> nodeMetrics() {
    Map<String, Map<String, Long>> values = new LinkedHashMap<>();
    operatorMetrics().forEach((node, m) -> values.put(node, m.snapshot()));
    return values;
  }

  /** The metrics of each node of the chain, by node id in data-flow order. */
  protected Map<String, SimpleOperatorMetrics> operatorMetrics() {
    Map<String, SimpleOperatorMetrics> metrics = new LinkedHashMap<>();
    for (OperatorHost host : hosts) {
      metrics.put(host.vertex().id(), host.metrics());
    }
    return metrics;
  }

  public void start() {
    Thread t = new Thread(this::run, "task-" + services.jobName() + "-" + id);
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  /** Stops the task soon; its thread closes the operators and reports {@code cancelled}. */
  public void cancel() {
    cancelled = true;
    wake();
    onCancel();
  }

  /** Releases what a producer may block on (input channels); called from the cancelling thread. */
  protected void onCancel() {}

  /** Waits for the task's thread to end. */
  public void join(long timeoutMillis) throws InterruptedException {
    Thread t = thread;
    if (t != null) {
      t.join(timeoutMillis);
    }
  }

  @Override
  public void triggerCheckpoint(long checkpointId, boolean savepoint, boolean finalCheckpoint) {
    mailbox.add(new Mail.TriggerCheckpoint(checkpointId, savepoint, finalCheckpoint));
    wake();
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    mailbox.add(new Mail.CheckpointComplete(checkpointId));
    wake();
  }

  @Override
  public void notifyCheckpointAborted(long checkpointId) {
    mailbox.add(new Mail.CheckpointAborted(checkpointId));
    wake();
  }

  /**
   * Fails the task soon with {@code cause} (e.g. a broken network channel), even while it is idle; called from any
   * thread.
   */
  public void fail(RuntimeException cause) {
    mailbox.add(new Mail.Fail(cause));
    wake();
  }

  private void wake() {
    Thread t = thread;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  private void run() {
    Throwable failure = null;
    try {
      openBackend();
      openOperators();
      services.listener().running(id);
      runLoop();
      flushWriters();
    } catch (Throwable t) {
      failure = t;
    } finally {
      failure = closeAll(failure);
      metrics.stopped();
    }
    if (cancelled) {
      services.listener().cancelled(id);
    } else if (failure != null) {
      services.listener().failed(id, unwrap(failure));
    } else {
      LOG.fine(() -> "task=" + id + " finished " + metrics);
      services.listener().finished(id);
    }
  }

  private static Throwable unwrap(Throwable t) {
    Throwable current = t;
    while (current instanceof OperatorHost.ChainedOperatorException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private void openBackend() throws Exception {
    List<String> keyedNodes = hosts.stream().map(OperatorHost::vertex).filter(JobVertex::keyed)
        .map(JobVertex::id).toList();
    if (keyGroups == null || keyedNodes.isEmpty() || services.stateBackend() == null) {
      return;
    }
    String name = id.chain() + "-" + id.subtask();
    backend = services.stateBackend().createKeyedStateBackend(new KeyedBackendParameters(id.toString(), keyedNodes,
        keyGroups, services.maxParallelism(), services.workingDirectory().resolve(name),
        services.clock()::currentTimeMillis));
    if (services.restoreFrom() != null) {
      try {
        backend.restore(services.checkpointStore(), services.restoreFrom().keyedState(keyGroups, keyedNodes),
            services.restoreFrom().dropped());
      } catch (Exception e) {
        throw new StateRestoreException(id, services.restoreFrom().id(), "keyed state", e);
      }
    }
  }

  /** Binds the backend into the hosts and opens every operator (head first). */
  protected abstract void openOperators() throws Exception;

  /** Opens one host with a fresh context; restored operator state is the node's share of the checkpoint. */
  protected void openHost(OperatorHost host, int subtaskIndex) throws Exception {
    JobVertex vertex = host.vertex();
    List<byte[]> restored = List.of();
    if (services.restoreFrom() != null) {
      restored = SplitAssignment.share(services.restoreFrom().operatorState(vertex.id()), subtaskIndex,
          vertex.parallelism());
    }
    KeyedStateBackend keyedBackend = vertex.keyed() ? backend : null;
    host.bindBackend(keyedBackend);
    KeyedTimerService timers = keyedBackend == null ? null
        : new KeyedTimerService(host::timers, services.clock(), host::currentWatermark);
    try {
      host.open(new RuntimeOperatorContext(vertex, subtaskIndex, services.maxParallelism(), keyGroups,
          services.compiler(), keyedBackend, timers, services.clock(), host.metrics(), restored,
          services.restoreFrom() != null));
    } catch (io.millrace.engine.serialization.SerializationException e) {
      if (services.restoreFrom() == null) {
        throw e;
      }
      // the operator could not read its restored state: retrying from the same checkpoint fails again
      throw new StateRestoreException(id, services.restoreFrom().id(), "operator state of " + vertex.id(), e);
    }
  }

  /** Processes input until the task ends (final checkpoint completed) or is cancelled. */
  protected abstract void runLoop() throws Exception;

  /** Source tasks add their split state here. */
  protected void snapshotInputState(long checkpointId, Map<String, List<byte[]>> state) {}

  /** Source tasks tell their reader. */
  protected void notifyInputCheckpointComplete(long checkpointId) throws Exception {}

  /** A source task injects a barrier here; other tasks never get triggers. */
  protected void onTrigger(Mail.TriggerCheckpoint trigger) throws Exception {
    throw new IllegalStateException("task " + id + " is not a source and cannot be triggered");
  }

  protected final boolean isCancelled() {
    return cancelled || Thread.currentThread().isInterrupted();
  }

  protected final void checkCancelled() {
    if (isCancelled()) {
      throw new TaskCancelledException(id.toString());
    }
  }

  /** True once the final checkpoint was snapshotted here: read no more input. */
  protected final boolean finalSnapshotTaken() {
    return finalCheckpointId >= 0;
  }

  /** True once the final checkpoint completed: the task may end. */
  protected final boolean finalCheckpointCompleted() {
    return finalCheckpointCompleted;
  }

  protected final void drainMailbox() throws Exception {
    Mail mail;
    while ((mail = mailbox.poll()) != null) {
      if (mail instanceof Mail.TriggerCheckpoint trigger) {
        onTrigger(trigger);
      } else if (mail instanceof Mail.CheckpointComplete complete) {
        for (OperatorHost host : hosts) {
          host.operator().notifyCheckpointComplete(complete.checkpointId());
        }
        notifyInputCheckpointComplete(complete.checkpointId());
        if (complete.checkpointId() == finalCheckpointId) {
          finalCheckpointCompleted = true;
        }
      } else if (mail instanceof Mail.Fail fail) {
        throw fail.cause();
      } else if (mail instanceof Mail.CheckpointAborted aborted) {
        for (OperatorHost host : hosts) {
          host.operator().notifyCheckpointAborted(aborted.checkpointId());
        }
        if (aborted.checkpointId() == finalCheckpointId) {
          finalCheckpointId = -1; // the coordinator triggers the final checkpoint again
        }
      }
    }
  }

  /**
   * At an (aligned) barrier: operators emit what belongs before it, the barrier goes downstream, then
   * operator state and the synchronous part of the keyed snapshot are taken on this thread; the
   * keyed upload and the acknowledgement run on the snapshot executor.
   */
  protected final void performCheckpoint(Barrier barrier) throws Exception {
    long checkpointId = barrier.checkpointId();
    for (OperatorHost host : hosts) {
      host.prepareSnapshotPreBarrier(checkpointId);
    }
    for (RecordWriter writer : writers) {
      writer.broadcast(barrier, true);
    }
    Map<String, List<byte[]>> operatorState = new HashMap<>();
    try {
      snapshotInputState(checkpointId, operatorState);
      for (OperatorHost host : hosts) {
        List<byte[]> entries = host.snapshotOperatorState(checkpointId);
        if (!entries.isEmpty()) {
          operatorState.put(host.vertex().id(), new ArrayList<>(entries));
        }
      }
    } catch (Exception e) {
      services.responder().decline(id, checkpointId, CheckpointFailureReason.DECLINED_BY_TASK, e);
      return;
    }
    SnapshotTask keyed = null;
    if (backend != null) {
      String path = (barrier.savepoint() ? "savepoints/" : "checkpoints/") + services.jobName() + "/"
          + checkpointId + "/" + id.chain() + "-" + id.subtask();
      try {
        keyed = backend.snapshot(checkpointId, services.checkpointStore(), path,
            barrier.savepoint() ? SnapshotType.SAVEPOINT : SnapshotType.CHECKPOINT);
      } catch (Exception e) {
        services.responder().decline(id, checkpointId, CheckpointFailureReason.DECLINED_BY_TASK, e);
        return;
      }
    }
    if (barrier.finalCheckpoint()) {
      finalCheckpointId = checkpointId;
    }
    SnapshotTask upload = keyed;
    CompletableFuture.runAsync(() -> {
      try {
        KeyedStateHandle handle = upload == null ? null : upload.run();
        services.responder().acknowledge(new TaskStateSnapshot(id, checkpointId, operatorState, handle));
      } catch (Exception e) {
        services.responder().decline(id, checkpointId, CheckpointFailureReason.STORAGE_ERROR, e);
      }
    }, services.snapshotExecutor());
  }

  /** Sends a control element to every consumer of this task. */
  protected final void broadcast(ControlElement element, boolean flush) throws InterruptedException {
    for (RecordWriter writer : writers) {
      writer.broadcast(element, flush);
    }
  }

  protected final void flushWriters() throws InterruptedException {
    for (RecordWriter writer : writers) {
      writer.flushAll();
    }
  }

  /** Nothing to do: flush what is buffered (latency), then wait for data, mail or a timer. */
  protected final void idleWait() throws Exception {
    flushWriters();
    long start = System.nanoTime();
    LockSupport.parkNanos(this, IDLE_PARK_NANOS);
    metrics.idle(System.nanoTime() - start);
    advanceProcessingTime();
  }

  protected final void advanceProcessingTime() throws Exception {
    long now = services.clock().currentTimeMillis();
    for (OperatorHost host : hosts) {
      host.advanceProcessingTime(now);
    }
  }

  protected final void endInputOfChain() throws Exception {
    for (OperatorHost host : hosts) {
      host.endInput();
    }
  }

  private Throwable closeAll(Throwable failure) {
    Throwable result = failure;
    for (int i = hosts.size() - 1; i >= 0; i--) {
      try {
        hosts.get(i).operator().close();
      } catch (Throwable t) {
        result = addSuppressed(result, t);
      }
    }
    try {
      closeInput();
    } catch (Throwable t) {
      result = addSuppressed(result, t);
    }
    if (backend != null) {
      try {
        backend.close();
      } catch (Throwable t) {
        result = addSuppressed(result, t);
      }
    }
    return result;
  }

  /** Closes the reader (sources) or the input gate. */
  protected abstract void closeInput() throws Exception;

  private static Throwable addSuppressed(Throwable first, Throwable next) {
    if (first == null) {
      return next;
    }
    if (first != next) {
      first.addSuppressed(next);
    }
    return first;
  }

  @Override
  public String toString() {
    return id.toString();
  }
}
