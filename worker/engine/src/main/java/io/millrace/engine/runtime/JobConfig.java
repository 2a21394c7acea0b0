package io.millrace.engine.runtime;

import io.millrace.engine.api.ProcessingTimeService;
import io.millrace.engine.checkpoint.store.CheckpointStore;
import io.millrace.engine.state.StateBackend;
import io.millrace.spec.expr.CelExpressionCompiler;
import io.millrace.spec.expr.ExpressionCompiler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a job runs in this process.
 *
 * @param batchSize elements per exchange batch (more: throughput; fewer: latency under load)
 * @param channelCapacity batches a channel holds before its producer blocks (memory bound per
 *     channel: {@code batchSize × channelCapacity} elements)
 * @param stateBackend keyed state backend, or null for stateless jobs
 * @param checkpointStore where keyed snapshots go (required with a state backend)
 * @param workingDirectory local directory for backends
 * @param clock processing time
 * @param checkpointInterval periodic checkpoints, or null for on-demand only
 * @param checkpointTimeout a checkpoint not acknowledged by then fails with TIMEOUT
 * @param expressionCompiler compiles every CEL expression of the job (default: {@link
 *     CelExpressionCompiler} with the typed fast path); tests swap it to observe or to compare
 *     evaluation strategies
 */
public record JobConfig(int batchSize, int channelCapacity, StateBackend stateBackend, CheckpointStore checkpointStore,
    Path workingDirectory, ProcessingTimeService clock, Duration checkpointInterval, Duration checkpointTimeout, ExpressionCompiler expressionCompiler) {

  public JobConfig {
    if (batchSize < 1 || channelCapacity < 1) {
      throw new IllegalArgumentException("batchSize and channelCapacity must be >= 1");
    }
    if (stateBackend != null && checkpointStore == null) {
      throw new IllegalArgumentException("a state backend needs a checkpoint store");
    }
    Objects.requireNonNull(expressionCompiler, "expressionCompiler");
  }

  /** 256-element batches, 8 batches per channel, wall clock, no state, on-demand checkpoints. */
  public static JobConfig defaults(Path workingDirectory) {
    return new JobConfig(256, 8, null, null, workingDirectory, ProcessingTimeService.system(), null,
        Duration.ofMinutes(10), new CelExpressionCompiler());
  }

  public JobConfig withState(StateBackend backend, CheckpointStore store) {
    return new JobConfig(batchSize, channelCapacity, backend, store, workingDirectory, clock, checkpointInterval,
        checkpointTimeout, expressionCompiler);
  }

  public JobConfig withExchange(int newBatchSize, int newChannelCapacity) {
    return new JobConfig(newBatchSize, newChannelCapacity, stateBackend, checkpointStore, workingDirectory, clock,
        checkpointInterval, checkpointTimeout, expressionCompiler);
  }

  public JobConfig withClock(ProcessingTimeService newClock) {
    return new JobConfig(batchSize, channelCapacity, stateBackend, checkpointStore, workingDirectory, newClock,
        checkpointInterval, checkpointTimeout, expressionCompiler);
  }

  public JobConfig withCheckpointInterval(Duration interval) {
    return new JobConfig(batchSize, channelCapacity, stateBackend, checkpointStore, workingDirectory, clock, interval,
        checkpointTimeout, expressionCompiler);
  }

  public JobConfig withExpressionCompiler(ExpressionCompiler compiler) {
    return new JobConfig(batchSize, channelCapacity, stateBackend, checkpointStore, workingDirectory, clock,
        checkpointInterval, checkpointTimeout, compiler);
  }
}
