package io.millrace.engine.runtime;

import io.millrace.engine.connector.Sink;
import io.millrace.engine.runtime.checkpoint.CheckpointFailureReason;
import io.millrace.engine.runtime.checkpoint.CheckpointResponder;
import io.millrace.engine.runtime.checkpoint.TaskId;
import io.millrace.engine.runtime.checkpoint.TaskStateSnapshot;
import io.millrace.engine.runtime.checkpoint.TaskStateSnapshotCodec;
import io.millrace.engine.runtime.exchange.Channel;
import io.millrace.engine.runtime.network.ChannelKey;
import io.millrace.engine.runtime.network.ChannelMetrics;
import io.millrace.engine.runtime.network.InboundChannel;
import io.millrace.engine.runtime.network.OutboundChannel;
import io.millrace.engine.runtime.task.SinkOperator;
import io.millrace.engine.runtime.task.StateRestoreException;
import io.millrace.engine.runtime.task.Task;
import io.millrace.engine.runtime.task.TaskListener;
import io.millrace.engine.runtime.task.TaskMetrics;
import io.millrace.engine.runtime.task.TaskServices;
import io.millrace.spec.plan.ChainEdge;
import io.millrace.spec.plan.OperatorChain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * The part of one job attempt that runs on this worker: only the tasks the placement puts here, wired by local
 * channels among themselves and by {@link OutboundChannel} / {@link InboundChannel} ends to tasks on other
 * workers. The checkpoint coordinator is remote: triggers and notifications come in through this class, answers
 * go out through the {@link SliceListener} (task states encoded with {@link TaskStateSnapshotCodec}).
 *
 * <p>A failing task is reported and nothing else: the control plane decides (it cancels the attempt and
 * redeploys). Restoring works as in {@link LocalJob}: each local task takes its share of {@code restoreFrom}, at
 * any parallelism.
 */
public final class JobSlice implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(JobSlice.class.getName());

  private final SliceSpec spec;
  private final String logPrefix;
  private final Connectors connectors;
  private final ExecutorService snapshotExecutor;
  private final List<Task> tasks;
  private final Map<TaskId, Task> tasksById = new ConcurrentHashMap<>();
  private final List<Task> sources = new ArrayList<>();
  private final Map<TaskId, List<OutboundChannel>> outboundByProducer = new LinkedHashMap<>();
  private final List<OutboundChannel> outbound = new ArrayList<>();
  private final List<InboundChannel> inbound = new ArrayList<>();
  private final AtomicInteger running;
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private volatile boolean started;

  private JobSlice(SliceSpec spec) {
    this.spec = spec;
    this.logPrefix = "job=" + spec.jobId() + " attempt=" + spec.attempt() + " worker=" + spec.localWorkerId();
    for (OperatorChain chain : spec.plan().chains()) {
      for (int i = 0; i < chain.parallelism(); i++) {
        if (!spec.placement().containsKey(new TaskId(chain.id(), i))) {
          throw new IllegalArgumentException(logPrefix + ": task " + chain.id() + "#" + i
              + " has no worker in the placement; every task of the plan must be placed");
        }
      }
    }
    // Resolve kinds once per node: every local subtask of a node and the sink recovery share one instance.
    this.connectors = spec.connectors().bind(spec.plan().graph());
    JobConfig config = spec.config();
    this.snapshotExecutor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "snapshot-" + spec.jobId() + "-" + spec.attempt());
      t.setDaemon(true);
      return t;
    });
    SliceResponder responder = new SliceResponder();
    TaskServices services = new TaskServices(spec.jobId(), spec.plan().graph().maxParallelism(),
        config.expressionCompiler(), config.clock(), config.stateBackend(), config.checkpointStore(),
        config.workingDirectory(), snapshotExecutor, responder, responder, spec.restoreFrom());
    this.tasks = new TaskGraphBuilder(spec.plan(), connectors, spec.operators(), config, services,
        this::resolveChannel, this::isLocal).build();
    for (Task task : tasks) {
      tasksById.put(task.id(), task);
      if (TaskGraphBuilder.isSource(spec.plan().graph(), task.id().chain())) {
        sources.add(task);
      }
    }
    this.running = new AtomicInteger(tasks.size());
    // Receivers first, so a producer on another worker that starts earlier finds its channel.
    for (InboundChannel in : inbound) {
      spec.exchange().registerInbound(in.key(), in);
    }
  }

  /** Builds the slice (nothing runs; inbound channels are registered with the exchange). */
  public static JobSlice create(SliceSpec spec) {
    return new JobSlice(spec);
  }

  private boolean isLocal(TaskId task) {
    return spec.localWorkerId().equals(spec.placement().get(task));
  }

  /** Both ends here: a plain channel; one end here: a channel with a network end; none: no channel. */
  private Channel resolveChannel(ChainEdge edge, int producer, int consumer, String name) {
    TaskId producerTask = new TaskId(edge.sourceChain(), producer);
    TaskId consumerTask = new TaskId(edge.targetChain(), consumer);
    boolean producerHere = isLocal(producerTask);
    boolean consumerHere = isLocal(consumerTask);
    if (!producerHere && !consumerHere) {
      return null;
    }
    Channel channel = new Channel(name, spec.config().channelCapacity());
    if (producerHere && consumerHere) {
      return channel;
    }
    if (spec.exchange() == null) {
      throw new IllegalArgumentException(logPrefix + ": channel " + name + " crosses workers but the slice has no"
          + " RemoteExchange");
    }
    ChannelKey key = new ChannelKey(spec.jobId(), spec.attempt(), edge.edge().source(), edge.edge().sourceOutput(),
        edge.edge().target(), edge.edge().targetInput(), producer, consumer);
    if (producerHere) {
      String peer = spec.placement().get(consumerTask);
      OutboundChannel out = new OutboundChannel(key, channel, peer, cause -> failTask(producerTask, cause));
      outbound.add(out);
      outboundByProducer.computeIfAbsent(producerTask, t -> new ArrayList<>()).add(out);
    } else {
      String peer = spec.placement().get(producerTask);
      inbound.add(new InboundChannel(key, channel, peer, cause -> failTask(consumerTask, cause)));
    }
    return channel;
  }

  private void failTask(TaskId task, Throwable cause) {
    Task t = tasksById.get(task);
    if (t != null) {
      t.fail(cause instanceof RuntimeException r ? r : new IllegalStateException(cause));
    }
  }

  /** Sink recovery if {@code spec.recoverSinks()}, then opens the outbound streams and starts the local tasks. */
  public JobSlice start() throws Exception {
    if (spec.recoverSinks() && spec.restoreFrom() != null) {
      for (Map.Entry<String, Sink<?>> sink : connectors.sinks().entrySet()) {
        recover(sink.getValue(), spec.restoreFrom().operatorState(sink.getKey()));
      }
    }
    for (OutboundChannel out : outbound) {
      String consumerWorker = out.peer();
      String address = spec.dataAddresses().get(consumerWorker);
      if (address == null) {
        throw new IllegalArgumentException(logPrefix + ": no data address for worker " + consumerWorker
            + " (consumer of channel " + out.key().displayName() + ")");
      }
      spec.exchange().openOutbound(out.key(), out, address);
    }
    LOG.info(() -> logPrefix + " starting " + tasks.size() + " tasks " + localTasks()
        + (spec.restoreFrom() == null ? "" : " from checkpoint=" + spec.restoreFrom().id()
            + (spec.restoreFrom().dropped().isEmpty() ? "" : " dropping state " + spec.restoreFrom().dropped()))
        + "; remote channels: " + outbound.size() + " out, " + inbound.size() + " in");
    started = true;
    tasks.forEach(Task::start);
    if (tasks.isEmpty()) {
      finish();
    }
    return this;
  }

  private static <C> void recover(Sink<C> sink, List<byte[]> entries) throws Exception {
    sink.recover(SinkOperator.committables(entries, sink.committableCodec()));
  }

  public List<TaskId> localTasks() {
    return tasks.stream().map(Task::id).toList();
  }

  /** Injects the barrier at the LOCAL source tasks; other tasks get it from their inputs. */
  public void triggerCheckpoint(long checkpointId, boolean savepoint, boolean finalCheckpoint) {
    sources.forEach(t -> t.triggerCheckpoint(checkpointId, savepoint, finalCheckpoint));
  }

  public void notifyCheckpointComplete(long checkpointId) {
    tasks.forEach(t -> t.notifyCheckpointComplete(checkpointId));
  }

  public void notifyCheckpointAborted(long checkpointId) {
    tasks.forEach(t -> t.notifyCheckpointAborted(checkpointId));
  }

  /** Cancels every local task (each reports {@code taskCancelled}). */
  public void cancel() {
    tasks.forEach(Task::cancel);
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

  public List<ChannelMetrics> channelMetrics() {
    List<ChannelMetrics> metrics = new ArrayList<>();
    outbound.forEach(o -> metrics.add(o.metrics()));
    inbound.forEach(i -> metrics.add(i.metrics()));
    return metrics;
  }

  /** The remote ends of this slice (transport tests). */
  public List<OutboundChannel> outboundChannels() {
    return List.copyOf(outbound);
  }

  public List<InboundChannel> inboundChannels() {
    return List.copyOf(inbound);
  }

  /** Completes when every local task ended (however it ended: the listener tells how). */
  public CompletableFuture<Void> ended() {
    return ended;
  }

  /** Cancels the tasks if they still run, waits for them, and releases the attempt's channels in the exchange. */
  @Override
  public void close() throws InterruptedException {
    if (!ended.isDone()) {
      cancel();
    }
    for (Task task : tasks) {
      task.join(10_000);
    }
    if (!started) {
      snapshotExecutor.shutdown();
    }
    if (spec.exchange() != null) {
      spec.exchange().releaseAttempt(spec.jobId(), spec.attempt());
    }
  }

  private void taskEnded() {
    if (running.decrementAndGet() == 0) {
      finish();
    }
  }

  private void finish() {
    snapshotExecutor.shutdown();
    LOG.info(() -> logPrefix + " all local tasks ended");
    ended.complete(null);
  }

  /** The tasks' listener and checkpoint responder: everything goes to the {@link SliceListener}. */
  private final class SliceResponder implements TaskListener, CheckpointResponder {

    @Override
    public void running(TaskId task) {
      spec.listener().taskRunning(task);
    }

    @Override
    public void finished(TaskId task) {
      outboundByProducer.getOrDefault(task, List.of()).forEach(OutboundChannel::producerFinished);
      spec.listener().taskFinished(task);
      taskEnded();
    }

    @Override
    public void failed(TaskId task, Throwable cause) {
      boolean restoreFailed = causedBy(cause, StateRestoreException.class);
      LOG.warning(() -> logPrefix + " task=" + task + " failed" + (restoreFailed ? " restoring its state" : "")
          + ": " + cause);
      spec.listener().taskFailed(task, cause, restoreFailed);
      taskEnded();
    }

    @Override
    public void cancelled(TaskId task) {
      spec.listener().taskCancelled(task);
      taskEnded();
    }

    @Override
    public void acknowledge(TaskStateSnapshot snapshot) {
      byte[] state = TaskStateSnapshotCodec.encode(snapshot);
      long size = snapshot.keyedState() == null ? 0 : snapshot.keyedState().totalSize();
      for (List<byte[]> entries : snapshot.operatorState().values()) {
        for (byte[] entry : entries) {
          size += entry.length;
        }
      }
      spec.listener().acknowledged(snapshot.task(), snapshot.checkpointId(), state, size);
    }

    @Override
    public void decline(TaskId task, long checkpointId, CheckpointFailureReason reason, Throwable cause) {
      spec.listener().declined(task, checkpointId, reason, cause == null ? "declined" : String.valueOf(cause));
    }

    @Override
    public void sourceFinished(TaskId task) {
      spec.listener().sourceFinished(task);
    }
  }

  private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}
