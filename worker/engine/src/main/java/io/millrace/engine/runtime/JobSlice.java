package io.millrace.engine.runtime;

import io.millrace.engine.runtime.checkpoint.TaskId;
import io.millrace.engine.runtime.network.ChannelMetrics;
import io.millrace.engine.runtime.task.TaskMetrics;
import java.util.List;
import java.util.Map;

/**
 * The part of one job attempt that runs on this worker: only the tasks the placement puts here, wired by local
 * channels among themselves and by {@link io.millrace.engine.runtime.network.OutboundChannel} /
 * {@link io.millrace.engine.runtime.network.InboundChannel} ends to tasks on other workers. The checkpoint
 * coordinator is remote: triggers and notifications come in through this class, answers go out through the
 * {@link SliceListener}.
 */
public final class JobSlice implements AutoCloseable {

  private final SliceSpec spec;

  private JobSlice(SliceSpec spec) {
    this.spec = spec;
  }

  public static JobSlice create(SliceSpec spec) {
    return new JobSlice(spec);
  }

  /** Sink recovery if {@code spec.recoverSinks()}, then starts the local tasks. */
  public JobSlice start() throws Exception {
    throw new UnsupportedOperationException("JobSlice is being implemented (signatures only)");
  }

  public List<TaskId> localTasks() {
    throw new UnsupportedOperationException("JobSlice is being implemented (signatures only)");
  }

  /** Injects the barrier at the LOCAL source tasks; other tasks get it from their inputs. */
  public void triggerCheckpoint(long checkpointId, boolean savepoint, boolean finalCheckpoint) {
    throw new UnsupportedOperationException("JobSlice is being implemented (signatures only)");
  }

  public void notifyCheckpointComplete(long checkpointId) {
    throw new UnsupportedOperationException("JobSlice is being implemented (signatures only)");
  }

  public void notifyCheckpointAborted(long checkpointId) {
    throw new UnsupportedOperationException("JobSlice is being implemented (signatures only)");
  }

  public void cancel() {
    throw new UnsupportedOperationException("JobSlice is being implemented (signatures only)");
  }

  public Map<TaskId, TaskMetrics> taskMetrics() {
    throw new UnsupportedOperationException("JobSlice is being implemented (signatures only)");
  }

  public List<ChannelMetrics> channelMetrics() {
    throw new UnsupportedOperationException("JobSlice is being implemented (signatures only)");
  }

  @Override
  public void close() throws InterruptedException {
    throw new UnsupportedOperationException("JobSlice is being implemented (signatures only)");
  }
}
