package io.millrace.engine.runtime.task;

import io.millrace.engine.api.ProcessingTimeService;
import io.millrace.engine.checkpoint.store.CheckpointStore;
import io.millrace.engine.runtime.checkpoint.CheckpointResponder;
import io.millrace.engine.runtime.checkpoint.CompletedCheckpoint;
import io.millrace.engine.state.StateBackend;
import io.millrace.spec.expr.ExpressionCompiler;
import java.nio.file.Path;
import java.util.concurrent.Executor;

/**
 * What every task of a job shares.
 *
 * @param jobName for logs and snapshot paths
 * @param maxParallelism key groups of the job
 * @param compiler expressions
 * @param clock processing time
 * @param stateBackend keyed state backend factory, or null (stateless jobs only)
 * @param checkpointStore where keyed snapshots go (needed with a state backend)
 * @param workingDirectory per-job local directory (RocksDB files)
 * @param snapshotExecutor runs the asynchronous part of snapshots, off the task threads
 * @param responder the coordinator's task-facing side
 * @param listener told when tasks end
 * @param restoreFrom the checkpoint to start from, or null for a fresh start
 */
public record TaskServices(String jobName, int maxParallelism, ExpressionCompiler compiler,
    ProcessingTimeService clock, StateBackend stateBackend, CheckpointStore checkpointStore,
    Path workingDirectory, Executor snapshotExecutor, CheckpointResponder responder, TaskListener listener,
    CompletedCheckpoint restoreFrom) {}
