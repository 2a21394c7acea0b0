package io.millrace.controlplane.job.service;

import io.millrace.controlplane.job.persistence.CheckpointStore;
import io.millrace.controlplane.job.persistence.StoredTaskState;
import io.millrace.controlplane.job.schedule.TaskKey;
import io.millrace.protocol.v1.CheckpointAborted;
import io.millrace.protocol.v1.CheckpointComplete;
import io.millrace.protocol.v1.ControlMessage;
import io.millrace.protocol.v1.TriggerCheckpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Coordinates the checkpoints of ONE attempt of a job. Not thread-safe: every method runs on the job master's executor.
 *
 * <p>A checkpoint: {@code TriggerCheckpoint} to the workers running source tasks → a {@code CheckpointAck} from EVERY
 * task of the attempt → in one transaction the COMPLETED row and all task states (plus retention) → only after that
 * commit {@code CheckpointComplete} to every worker of the attempt (two-phase-commit sinks publish on it, so it must
 * never precede the metadata). A decline, a timeout or the end of the attempt aborts it: a FAILED row and
 * {@code CheckpointAborted} to every worker.
 */
final class CheckpointCoordinator {

    private static final Logger LOG = Logger.getLogger(CheckpointCoordinator.class);

    /** Where a completed checkpoint's outcome is reported (the master's bookkeeping). */
    interface Listener {
        void completed(long checkpointId, boolean savepoint, boolean finalCheckpoint);
    }

    /** Sends to one worker; false when it has no open stream. */
    interface Sender {
        boolean send(String workerId, ControlMessage message);
    }

    private record Ack(byte[] taskState, long sizeBytes) {
    }

    private static final class Pending {
        final long id;
        final boolean savepoint;
        final boolean finalCheckpoint;
        final Instant startedAt;
        final Map<TaskKey, Ack> acks = new HashMap<>();
        final CompletableFuture<Long> outcome;
        ScheduledFuture<?> timeout;

        Pending(long id, boolean savepoint, boolean finalCheckpoint, Instant startedAt, CompletableFuture<Long> outcome) {
            this.id = id;
            this.savepoint = savepoint;
            this.finalCheckpoint = finalCheckpoint;
            this.startedAt = startedAt;
            this.outcome = outcome;
        }
    }

    private final UUID jobId;
    private final String tenantId;
    private final long attempt;
    private final Set<TaskKey> tasks;
    private final Set<String> workers;
    private final Set<String> sourceWorkers;
    private final Sender sender;
    private final CheckpointStore store;
    private final LongSupplier nextCheckpointId;
    private final ScheduledExecutorService executor;
    private final Duration timeout;
    private final int maxConcurrent;
    private final int retained;
    private final Listener listener;
    private final Map<Long, Pending> pending = new LinkedHashMap<>();

    CheckpointCoordinator(UUID jobId, String tenantId, long attempt, Map<TaskKey, String> placement,
            Set<TaskKey> sourceTasks, Sender sender, CheckpointStore store, LongSupplier nextCheckpointId,
            ScheduledExecutorService executor, Duration timeout, int maxConcurrent, int retained, Listener listener) {
        this.jobId = jobId;
        this.tenantId = tenantId;
        this.attempt = attempt;
        this.tasks = new TreeSet<>(placement.keySet());
        this.workers = new TreeSet<>(placement.values());
        this.sourceWorkers = new TreeSet<>();
        sourceTasks.forEach(task -> sourceWorkers.add(placement.get(task)));
        this.sender = sender;
        this.store = store;
        this.nextCheckpointId = nextCheckpointId;
        this.executor = executor;
        this.timeout = timeout;
        this.maxConcurrent = maxConcurrent;
        this.retained = retained;
        this.listener = listener;
    }

    /** A periodic trigger: skipped (empty) while {@code maxConcurrent} checkpoints are in flight. */
    CompletableFuture<Long> triggerPeriodic() {
        if (pending.size() >= maxConcurrent) {
            LOG.debugf("job=%s attempt=%d: periodic checkpoint skipped, %d in flight", jobId, attempt, pending.size());
            return null;
        }
        return trigger(false, false);
    }

    /** Starts a checkpoint (a savepoint and the final checkpoint are not limited by max concurrency). */
    CompletableFuture<Long> trigger(boolean savepoint, boolean finalCheckpoint) {
        long id = nextCheckpointId.getAsLong();
        Pending checkpoint = new Pending(id, savepoint, finalCheckpoint, Instant.now(), new CompletableFuture<>());
        pending.put(id, checkpoint);
        checkpoint.timeout = executor.schedule(() -> abort(id, "not acknowledged by every task within " + timeout
                + " (" + checkpoint.acks.size() + " of " + tasks.size() + " acks)"), timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        ControlMessage trigger = ControlMessage.newBuilder().setTriggerCheckpoint(TriggerCheckpoint.newBuilder()
                .setJobId(jobId.toString()).setAttempt(attempt).setCheckpointId(id).setSavepoint(savepoint)
                .setFinal(finalCheckpoint)).build();
        LOG.infof("job=%s attempt=%d checkpoint=%d: triggered%s%s on %s", jobId, attempt, id,
                savepoint ? " (savepoint)" : "", finalCheckpoint ? " (final)" : "", sourceWorkers);
        for (String worker : sourceWorkers) {
            if (!sender.send(worker, trigger)) {
                abort(id, "worker " + worker + " running source tasks has no open stream");
                break;
            }
        }
        return checkpoint.outcome;
    }

    void acknowledged(TaskKey task, long checkpointId, byte[] taskState, long sizeBytes) {
        Pending checkpoint = pending.get(checkpointId);
        if (checkpoint == null) {
            LOG.debugf("job=%s attempt=%d checkpoint=%d task=%s: ack for a checkpoint no longer pending, ignored",
                    jobId, attempt, checkpointId, task);
            return;
        }
        if (!tasks.contains(task)) {
            LOG.warnf("job=%s attempt=%d checkpoint=%d task=%s: ack from a task not in the attempt, ignored", jobId,
                    attempt, checkpointId, task);
            return;
        }
        checkpoint.acks.put(task, new Ack(taskState, sizeBytes));
        if (checkpoint.acks.size() == tasks.size()) {
            complete(checkpoint);
        }
    }

    void declined(TaskKey task, long checkpointId, String reason, String message) {
        if (pending.containsKey(checkpointId)) {
            abort(checkpointId, "task " + task + " declined: " + reason + (message.isEmpty() ? "" : " (" + message
                    + ")"));
        }
    }

    /** The attempt is over: every pending checkpoint fails with {@code reason}. */
    void abortAll(String reason) {
        for (Long id : List.copyOf(pending.keySet())) {
            abort(id, reason);
        }
    }

    int inFlight() {
        return pending.size();
    }

    private void complete(Pending checkpoint) {
        pending.remove(checkpoint.id);
        checkpoint.timeout.cancel(false);
        List<StoredTaskState> states = new ArrayList<>();
        long size = 0;
        for (Map.Entry<TaskKey, Ack> ack : new TreeMap<>(checkpoint.acks).entrySet()) {
            states.add(new StoredTaskState(ack.getKey().chainId(), ack.getKey().subtask(), ack.getValue().taskState()));
            size += ack.getValue().sizeBytes();
        }
        Instant now = Instant.now();
        try {
            store.complete(jobId, tenantId, checkpoint.id, attempt, checkpoint.savepoint, checkpoint.finalCheckpoint,
                    checkpoint.startedAt, now, size, states, retained);
        } catch (RuntimeException e) {
            LOG.errorf(e, "job=%s attempt=%d checkpoint=%d: storing the completed checkpoint failed", jobId, attempt,
                    checkpoint.id);
            notifyAborted(checkpoint, "the control plane could not store it: " + e.getMessage());
            return;
        }
        LOG.infof("job=%s attempt=%d checkpoint=%d: completed in %d ms, %d tasks, %d bytes%s", jobId, attempt,
                checkpoint.id, Duration.between(checkpoint.startedAt, now).toMillis(), states.size(), size,
                checkpoint.savepoint ? " (savepoint)" : "");
        ControlMessage complete = ControlMessage.newBuilder().setCheckpointComplete(CheckpointComplete.newBuilder()
                .setJobId(jobId.toString()).setAttempt(attempt).setCheckpointId(checkpoint.id)).build();
        workers.forEach(worker -> sender.send(worker, complete));
        listener.completed(checkpoint.id, checkpoint.savepoint, checkpoint.finalCheckpoint);
        checkpoint.outcome.complete(checkpoint.id);
    }

    private void abort(long checkpointId, String reason) {
        Pending checkpoint = pending.remove(checkpointId);
        if (checkpoint == null) {
            return;
        }
        checkpoint.timeout.cancel(false);
        try {
            store.fail(jobId, tenantId, checkpointId, attempt, checkpoint.savepoint, checkpoint.startedAt,
                    Instant.now(), reason);
        } catch (RuntimeException e) {
            LOG.errorf(e, "job=%s attempt=%d checkpoint=%d: recording the failure failed", jobId, attempt,
                    checkpointId);
        }
        notifyAborted(checkpoint, reason);
    }

    private void notifyAborted(Pending checkpoint, String reason) {
        LOG.warnf("job=%s attempt=%d checkpoint=%d: aborted: %s", jobId, attempt, checkpoint.id, reason);
        ControlMessage aborted = ControlMessage.newBuilder().setCheckpointAborted(CheckpointAborted.newBuilder()
                .setJobId(jobId.toString()).setAttempt(attempt).setCheckpointId(checkpoint.id).setReason(reason))
                .build();
        workers.forEach(worker -> sender.send(worker, aborted));
        checkpoint.outcome.completeExceptionally(new CheckpointFailedException(jobId, checkpoint.id, reason));
    }
}
