package io.millrace.controlplane.job.service;

import io.millrace.controlplane.connection.service.ResolvedKafkaConnection;
import io.millrace.protocol.v1.KafkaConnection;
import io.millrace.controlplane.job.JobState;
import io.millrace.controlplane.job.config.JobsConfig;
import io.millrace.controlplane.job.persistence.CheckpointRecord;
import io.millrace.controlplane.job.persistence.CheckpointStore;
import io.millrace.controlplane.job.persistence.StoredTaskState;
import io.millrace.controlplane.job.restart.RestartDecision;
import io.millrace.controlplane.job.restart.RestartPolicy;
import io.millrace.controlplane.job.restart.RestartPolicyCodec;
import io.millrace.controlplane.job.schedule.SchedulingResult;
import io.millrace.controlplane.job.schedule.TaskKey;
import io.millrace.protocol.v1.CancelJob;
import io.millrace.protocol.v1.CheckpointAck;
import io.millrace.protocol.v1.CheckpointDeclined;
import io.millrace.protocol.v1.ControlMessage;
import io.millrace.protocol.v1.DeployTasks;
import io.millrace.protocol.v1.DroppedState;
import io.millrace.protocol.v1.JobRuntimeSettings;
import io.millrace.protocol.v1.RestoreState;
import io.millrace.protocol.v1.TaskAssignment;
import io.millrace.protocol.v1.TaskRef;
import io.millrace.protocol.v1.TaskState;
import io.millrace.protocol.v1.TaskStateChanged;
import io.millrace.protocol.v1.WorkerMessage;
import io.millrace.spec.plan.OperatorChain;
import io.millrace.spec.plan.PhysicalPlan;
import io.millrace.spec.plan.PlanCodec;
import io.millrace.spec.plan.PlanFormatException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs ONE job while it is not terminal: deploys its attempts, follows their task states, coordinates checkpoints,
 * recovers from failures under the job's restart policy, and carries out cancel/savepoint/rescale. Everything happens
 * on the master's single-threaded executor, one event at a time, so no state here needs locking; public methods only
 * enqueue. All state changes are persisted through {@link JobStore} before anyone is told.
 */
final class JobMaster {

    private static final Logger LOG = Logger.getLogger(JobMaster.class);
    private static final int REMEMBERED_ENDED_ATTEMPTS = 4;

    /** Collaborators shared by all masters. */
    record Environment(JobStore store, CheckpointStore checkpoints, JobsConfig config, Cluster cluster,
            PlanCodec planCodec, RestartPolicyCodec restartCodec, DeploymentConnections kafkaConnections) {
    }

    /** The tenant's named Kafka connections, decrypted, for a deployment. */
    @FunctionalInterface
    interface DeploymentConnections {
        /** @throws IllegalStateException naming a missing connection or why it cannot be decrypted */
        Map<String, ResolvedKafkaConnection> resolve(String tenantId, Set<String> names);
    }

    /** The checkpoint an attempt restores from (possibly another job's savepoint, for a resumed job). */
    private record RestoreSource(UUID jobId, long checkpointId, boolean savepoint) {
    }

    /** One deployed attempt. */
    private final class Attempt {
        final long number;
        final Map<TaskKey, String> placement;
        final Map<TaskKey, String> taskStates = new TreeMap<>();
        final Map<TaskKey, String> failures = new TreeMap<>();
        final Set<TaskKey> sources;
        final Set<TaskKey> finishedSources = new HashSet<>();
        final RestoreSource restoredFrom;
        final CheckpointCoordinator coordinator;
        ScheduledFuture<?> periodic;
        boolean finalTriggered;
        /** The worker that runs Sink.recover for this attempt (restores only), else null. */
        String sinkRecoverer;
        /** Deployments held back until the sink recoverer reports a task RUNNING: worker -> its DeployTasks. */
        final Map<String, ControlMessage> heldDeployments = new TreeMap<>();
        long deployedAtNanos;

        Attempt(long number, Map<TaskKey, String> placement, Set<TaskKey> sources, RestoreSource restoredFrom) {
            this.number = number;
            this.placement = Map.copyOf(placement);
            this.sources = Set.copyOf(sources);
            this.restoredFrom = restoredFrom;
            placement.keySet().forEach(task -> taskStates.put(task, "DEPLOYING"));
            this.coordinator = new CheckpointCoordinator(jobId, job.tenantId(), number, placement, sources,
                    env.cluster()::send, env.checkpoints(), () -> env.store().nextCheckpointId(jobId), executor,
                    Duration.ofMillis(job.checkpointTimeoutMs()), env.config().maxConcurrentCheckpoints(),
                    env.config().retainedCheckpoints());
        }

        Set<String> workers() {
            return new TreeSet<>(placement.values());
        }

        boolean all(Set<String> states) {
            return taskStates.values().stream().allMatch(states::contains);
        }
    }

    /** A user cancel in progress: waits for the tasks of the ended attempt to confirm. */
    private record Draining(Attempt attempt, Set<TaskKey> remaining, String reason, ScheduledFuture<?> timeout,
            CompletableFuture<JobRecord> done) {
    }

    private final UUID jobId;
    private final Environment env;
    private final ScheduledExecutorService executor;
    private final RestartPolicy restartPolicy;
    private final List<Instant> failureTimes = new ArrayList<>();
    private final LinkedHashSet<Long> endedAttempts = new LinkedHashSet<>();
    private JobRecord job;
    private Attempt current;
    private Draining draining;
    private Instant notBefore;
    private volatile List<TaskView> taskViews = List.of();
    private volatile JobState visibleState;

    JobMaster(JobRecord job, Environment env, Instant notBefore, Set<Long> staleAttempts) {
        this.jobId = job.id();
        this.job = job;
        this.visibleState = job.state();
        this.env = env;
        this.notBefore = notBefore;
        this.restartPolicy = env.restartCodec().fromJson(job.restartStrategy());
        this.endedAttempts.addAll(staleAttempts);
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "job-master-" + job.id().toString().substring(0, 8));
            thread.setDaemon(true);
            return thread;
        });
    }

    UUID jobId() {
        return jobId;
    }

    String tenantId() {
        return job.tenantId();
    }

    List<TaskView> tasks() {
        return taskViews;
    }

    // ---- events (enqueue only) -------------------------------------------------------------------------------------

    /** Try to deploy now if the job waits for slots or its restart delay passed. */
    void poke() {
        run("schedule", this::tryDeploy);
    }

    void onMessage(String workerId, WorkerMessage message) {
        run(message.getKindCase().name(), () -> handle(workerId, message));
    }

    void onWorkerGone(String workerId, String reason) {
        run("worker-gone", () -> workerGone(workerId, reason));
    }

    void onWorkerAvailable(String workerId) {
        run("worker-available", () -> cancelEndedAttemptsOn(Set.of(workerId)));
    }

    CompletableFuture<JobRecord> cancel(String reason) {
        return call(() -> startCancel(reason)).thenCompose(future -> future);
    }

    CompletableFuture<Long> savepoint() {
        return call(this::startSavepoint).thenCompose(future -> future);
    }

    CompletableFuture<JobRecord> stopWithSavepoint() {
        return savepoint().thenComposeAsync(savepointId -> startCancel("stopped with savepoint " + savepointId),
                executor);
    }

    CompletableFuture<JobRecord> rescale(int parallelism, String planJson) {
        return call(() -> {
            requireRunning("rescale");
            long attemptBefore = current.number;
            return current.coordinator.trigger(true, false)
                    .thenApplyAsync(savepointId -> finishRescale(attemptBefore, parallelism, planJson, savepointId),
                            executor);
        }).thenCompose(future -> future);
    }

    void shutdown() {
        executor.shutdownNow();
    }

    // ---- on the executor ---------------------------------------------------------------------------------------------

    private void tryDeploy() {
        if (current != null || (job.state() != JobState.CREATED && job.state() != JobState.RESTARTING)) {
            return;
        }
        if (Instant.now().isBefore(notBefore)) {
            return;
        }
        PhysicalPlan plan;
        try {
            plan = env.planCodec().fromJson(job.planJson());
        } catch (PlanFormatException e) {
            fail("the stored plan cannot be read: " + e.getMessage());
            return;
        }
        Map<String, ResolvedKafkaConnection> connections;
        try {
            connections = env.kafkaConnections().resolve(job.tenantId(), KafkaConnectionNames.of(plan));
        } catch (IllegalStateException e) {
            // Retried with the scheduling retries: an admin may create the connection again or fix the key.
            job = env.store().explain(jobId, "waiting for a Kafka connection: " + e.getMessage());
            return;
        }
        List<TaskKey> tasks = plan.subtasks().stream().map(s -> new TaskKey(s.chain(), s.index())).toList();
        SchedulingResult result = env.cluster().reserve(jobId, job.tenantId(), tasks);
        if (result instanceof SchedulingResult.Unschedulable unschedulable) {
            job = env.store().explain(jobId, "waiting for slots: " + unschedulable.reason());
            return;
        }
        Map<TaskKey, String> placement = ((SchedulingResult.Placed) result).placement();
        try {
            deploy(plan, placement, connections);
        } catch (RuntimeException e) {
            env.cluster().release(jobId);
            throw e;
        }
    }

    private void deploy(PhysicalPlan plan, Map<TaskKey, String> placement,
            Map<String, ResolvedKafkaConnection> connections) {
        RestoreSource restore = chooseRestore();
        Set<String> workers = new TreeSet<>(placement.values());
        String from = restore == null
                ? (job.attempt() == 0 ? "fresh start" : "from scratch: no usable checkpoint")
                : "restoring from " + (restore.savepoint() ? "savepoint " : "checkpoint ") + restore.checkpointId()
                        + (restore.jobId().equals(jobId) ? "" : " of job " + restore.jobId()
                                + (job.restoreDroppedStates().isEmpty() ? ""
                                        : ", dropping " + job.restoreDroppedStates()));
        job = env.store().deployNextAttempt(jobId, "deploying " + placement.size() + " tasks on " + workers + ", "
                + from);
        visibleState = job.state();
        long attempt = job.attempt();
        cancelEndedAttemptsOn(env.cluster().openWorkers());

        Set<TaskKey> sources = new HashSet<>();
        for (OperatorChain chain : plan.chains()) {
            if (plan.graph().inputsOf(chain.id()).isEmpty()) {
                placement.keySet().stream().filter(t -> t.chainId().equals(chain.id())).forEach(sources::add);
            }
        }
        Attempt next = new Attempt(attempt, placement, sources, restore);
        current = next;
        publishTasks();

        Map<String, String> addresses = env.cluster().dataAddresses(workers);
        DeployTasks.Builder deploy = DeployTasks.newBuilder().setJobId(jobId.toString()).setAttempt(attempt)
                .setJobName(job.name()).setPlanJson(job.planJson()).setTenantId(job.tenantId())
                .setSettings(JobRuntimeSettings.newBuilder().setStateBackend(env.config().stateBackend())
                        .setCheckpointStoreUri(env.config().checkpointStore().orElse("")));
        // Decrypted credentials travel only inside this message (the gateway stream must be TLS outside a laptop).
        connections.forEach((name, connection) -> deploy.putKafkaConnections(name, KafkaConnection.newBuilder()
                .setBootstrapServers(connection.bootstrapServers())
                .putAllClientProperties(connection.clientProperties()).build()));
        placement.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> deploy.addAssignments(
                TaskAssignment.newBuilder().setChainId(e.getKey().chainId()).setSubtask(e.getKey().subtask())
                        .setWorkerId(e.getValue()).setDataAddress(addresses.getOrDefault(e.getValue(), ""))));
        if (restore != null) {
            RestoreState.Builder state = RestoreState.newBuilder().setCheckpointId(restore.checkpointId())
                    .setSavepoint(restore.savepoint());
            for (StoredTaskState task : env.checkpoints().taskStates(restore.jobId(), restore.checkpointId())) {
                state.addTaskStates(com.google.protobuf.ByteString.copyFrom(task.taskState()));
            }
            if (!restore.jobId().equals(jobId)) {
                // Only the restore of the savepoint a safe upgrade started from leaves state behind: the job's own
                // checkpoints already hold the new version's state, which must never be dropped.
                for (DroppedStateRef dropped : job.restoreDroppedStates()) {
                    state.addDroppedStates(DroppedState.newBuilder().setNodeId(dropped.nodeId())
                            .setStateName(dropped.stateName()));
                }
            }
            deploy.setRestore(state);
        }
        next.deployedAtNanos = System.nanoTime();
        next.sinkRecoverer = restore == null ? null : workers.iterator().next();
        for (String worker : workers) {
            ControlMessage message = ControlMessage.newBuilder()
                    .setDeploy(deploy.clone().setRecoverSinks(worker.equals(next.sinkRecoverer))).build();
            if (next.sinkRecoverer != null && !worker.equals(next.sinkRecoverer)) {
                // Sink.recover (commit the restored transactions, fence/abort the rest) must finish before any
                // other worker starts a sink writer: a writer started earlier would be fenced by the recovery, or
                // abort a restored transaction on its own id. The recoverer runs recovery before its tasks start,
                // so its first RUNNING report means recovery is done.
                next.heldDeployments.put(worker, message);
            } else if (!sendDeployment(next, worker, message)) {
                return;
            }
        }
        if (!next.heldDeployments.isEmpty()) {
            LOG.infof("job=%s attempt=%d: deploying on sink recoverer %s first; %s follow once it runs", jobId,
                    attempt, next.sinkRecoverer, next.heldDeployments.keySet());
        }
    }

    private boolean sendDeployment(Attempt attempt, String worker, ControlMessage message) {
        if (env.cluster().send(worker, message)) {
            return true;
        }
        failover("worker " + worker + " closed its stream before the deployment of attempt " + attempt.number
                + " reached it", false);
        return false;
    }

    /** The sink recoverer of the current attempt reported a task running (its recovery is done): deploy the rest. */
    private void releaseHeldDeployments(Attempt attempt) {
        Map<String, ControlMessage> held = new TreeMap<>(attempt.heldDeployments);
        attempt.heldDeployments.clear();
        LOG.infof("job=%s attempt=%d: sink recovery on %s done after %d ms; deploying on %s", jobId, attempt.number,
                attempt.sinkRecoverer, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - attempt.deployedAtNanos),
                held.keySet());
        for (Map.Entry<String, ControlMessage> e : held.entrySet()) {
            if (!sendDeployment(attempt, e.getKey(), e.getValue())) {
                return;
            }
        }
    }

    /** The newest usable completed checkpoint of the job; else the savepoint it was resumed from, if still usable. */
    private RestoreSource chooseRestore() {
        var latest = env.checkpoints().latestUsable(jobId);
        if (latest.isPresent()) {
            return new RestoreSource(jobId, latest.get().checkpointId(), latest.get().savepoint());
        }
        if (job.restoreJobId() != null) {
            var resumeFrom = env.checkpoints().find(job.tenantId(), job.restoreJobId(), job.restoreCheckpointId());
            if (resumeFrom.isPresent() && resumeFrom.get().completed() && resumeFrom.get().usable()) {
                CheckpointRecord c = resumeFrom.get();
                return new RestoreSource(c.jobId(), c.checkpointId(), c.savepoint());
            }
            LOG.warnf("job=%s: the savepoint %d of job %s it was resumed from is no longer usable; starting from"
                    + " scratch", jobId, job.restoreCheckpointId(), job.restoreJobId());
        }
        return null;
    }

    private void handle(String workerId, WorkerMessage message) {
        switch (message.getKindCase()) {
            case TASK_STATE -> taskState(workerId, message.getTaskState());
            case SOURCE_FINISHED -> sourceFinished(message.getSourceFinished().getTask());
            case CHECKPOINT_ACK -> ack(message.getCheckpointAck());
            case CHECKPOINT_DECLINED -> declined(message.getCheckpointDeclined());
            default -> LOG.debugf("job=%s: ignoring %s from worker %s", jobId, message.getKindCase(), workerId);
        }
    }

    private Attempt attemptOf(TaskRef ref, String what) {
        if (current != null && ref.getAttempt() == current.number) {
            return current;
        }
        if (draining != null && ref.getAttempt() == draining.attempt().number) {
            return draining.attempt();
        }
        LOG.debugf("job=%s attempt=%d task=%s#%d: %s from a stale attempt (current %s), dropped", jobId,
                ref.getAttempt(), ref.getChainId(), ref.getSubtask(), what,
                current == null ? "none" : String.valueOf(current.number));
        return null;
    }

    private void taskState(String workerId, TaskStateChanged change) {
        Attempt attempt = attemptOf(change.getTask(), "task state " + change.getState());
        if (attempt == null) {
            return;
        }
        TaskKey task = new TaskKey(change.getTask().getChainId(), change.getTask().getSubtask());
        if (!attempt.placement.containsKey(task)) {
            LOG.warnf("job=%s attempt=%d task=%s: state from worker %s for a task not in the attempt, ignored", jobId,
                    attempt.number, task, workerId);
            return;
        }
        String state = change.getState().name().replace("TASK_", "");
        attempt.taskStates.put(task, state);
        if (!change.getFailure().isEmpty()) {
            attempt.failures.put(task, change.getFailure());
        }
        if (attempt != current) {
            publishTasks();
            drained(task);
            return;
        }
        if (!attempt.heldDeployments.isEmpty() && workerId.equals(attempt.sinkRecoverer)
                && (change.getState() == TaskState.TASK_RUNNING || change.getState() == TaskState.TASK_FINISHED)) {
            releaseHeldDeployments(attempt);
            if (current != attempt) {
                publishTasks(); // a held worker's stream was gone: failover ended the attempt
                return;
            }
        }
        switch (change.getState()) {
            case TASK_RUNNING, TASK_FINISHED -> progressed();
            case TASK_FAILED -> {
                if (!change.getUnreachableWorker().isEmpty()) {
                    env.cluster().suspect(change.getUnreachableWorker(),
                            "a data stream of task " + task + " to or from it broke");
                }
                failover("task " + task + " failed on worker " + workerId + ": "
                    + (change.getFailure().isEmpty() ? "no cause given" : change.getFailure()),
                    change.getRestoreFailed());
            }
            case TASK_CANCELED -> failover("task " + task + " was cancelled on worker " + workerId
                    + " without a cancel from the control plane", false);
            default -> {
            }
        }
        publishTasks();
    }

    private void progressed() {
        Attempt attempt = current;
        if (attempt.all(Set.of("FINISHED"))) {
            endAttempt(attempt, null);
            transition(JobState.FINISHED, "every task finished");
            retire();
            return;
        }
        if (job.state() == JobState.SCHEDULED && attempt.all(Set.of("RUNNING", "FINISHED"))) {
            transition(JobState.RUNNING, "all " + attempt.placement.size() + " tasks running (attempt "
                    + attempt.number + ")");
            long interval = job.checkpointIntervalMs();
            attempt.periodic = executor.scheduleWithFixedDelay(() -> guarded("periodic checkpoint", () -> {
                if (current == attempt && job.state() == JobState.RUNNING && attempt.finishedSources.isEmpty()) {
                    attempt.coordinator.triggerPeriodic();
                }
            }), interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    private void sourceFinished(TaskRef ref) {
        Attempt attempt = attemptOf(ref, "source finished");
        if (attempt == null || attempt != current) {
            return;
        }
        TaskKey task = new TaskKey(ref.getChainId(), ref.getSubtask());
        attempt.finishedSources.add(task);
        LOG.infof("job=%s attempt=%d task=%s: source finished (%d of %d)", jobId, attempt.number, task,
                attempt.finishedSources.size(), attempt.sources.size());
        if (!attempt.finalTriggered && attempt.finishedSources.containsAll(attempt.sources)) {
            attempt.finalTriggered = true;
            attempt.coordinator.trigger(false, true);
        }
    }

    private void ack(CheckpointAck ack) {
        Attempt attempt = attemptOf(ack.getTask(), "checkpoint ack");
        if (attempt != null && attempt == current) {
            attempt.coordinator.acknowledged(new TaskKey(ack.getTask().getChainId(), ack.getTask().getSubtask()),
                    ack.getCheckpointId(), ack.getTaskState().toByteArray(), ack.getStateSizeBytes());
        }
    }

    private void declined(CheckpointDeclined declined) {
        Attempt attempt = attemptOf(declined.getTask(), "checkpoint decline");
        if (attempt != null && attempt == current) {
            attempt.coordinator.declined(new TaskKey(declined.getTask().getChainId(), declined.getTask().getSubtask()),
                    declined.getCheckpointId(), declined.getReason(), declined.getMessage());
        }
    }

    private void workerGone(String workerId, String reason) {
        if (draining != null) {
            draining.attempt().placement.forEach((task, worker) -> {
                if (worker.equals(workerId)) {
                    drained(task);
                }
            });
        }
        if (current != null && current.placement.containsValue(workerId)) {
            failover("worker " + workerId + " lost: " + reason, false);
        }
    }

    /** A task or worker failed: cancel the attempt, then restart under the policy or fail the job. */
    private void failover(String cause, boolean restoreFailed) {
        Attempt attempt = current;
        if (attempt == null) {
            return;
        }
        if (restoreFailed && attempt.restoredFrom != null) {
            RestoreSource broken = attempt.restoredFrom;
            String why = "restore failed in attempt " + attempt.number + " of job " + jobId + ": " + cause;
            env.checkpoints().markUnusable(broken.jobId(), broken.checkpointId(), why);
            LOG.warnf("job=%s attempt=%d checkpoint=%d: marked unusable (%s); recovery falls back to the previous"
                    + " checkpoint, or starts from scratch if there is none", jobId, attempt.number,
                    broken.checkpointId(), cause);
        }
        Instant now = Instant.now();
        failureTimes.add(now);
        job = env.store().recordFailure(jobId, cause);
        transition(JobState.FAILING, cause);
        endAttempt(attempt, "job failing: " + cause);
        RestartDecision decision = restartPolicy.decide(List.copyOf(failureTimes), now);
        if (decision instanceof RestartDecision.GiveUp giveUp) {
            transition(JobState.FAILED, cause + " (" + giveUp.why() + ")");
            retire();
        } else if (decision instanceof RestartDecision.Restart restart) {
            transition(JobState.RESTARTING, "restarting in " + restart.delay().toMillis() + " ms after: " + cause);
            notBefore = now.plus(restart.delay());
            executor.schedule(() -> guarded("restart", this::tryDeploy), restart.delay().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Stops an attempt without waiting: checkpoints aborted, CancelJob to its live workers, slots released. */
    private void endAttempt(Attempt attempt, String cancelReason) {
        if (attempt.periodic != null) {
            attempt.periodic.cancel(false);
        }
        attempt.coordinator.abortAll("attempt " + attempt.number + " ended");
        if (cancelReason != null) {
            ControlMessage cancel = cancelMessage(attempt.number, cancelReason);
            Set<String> open = env.cluster().openWorkers();
            attempt.workers().stream().filter(open::contains).forEach(worker -> env.cluster().send(worker, cancel));
            endedAttempts.add(attempt.number);
            while (endedAttempts.size() > REMEMBERED_ENDED_ATTEMPTS) {
                endedAttempts.remove(endedAttempts.iterator().next());
            }
        }
        env.cluster().release(jobId);
        if (current == attempt) {
            current = null;
        }
    }

    /** Tells the workers to drop tasks of attempts this job no longer runs (e.g. after a control-plane restart). */
    private void cancelEndedAttemptsOn(Set<String> workers) {
        for (long attempt : endedAttempts) {
            ControlMessage cancel = cancelMessage(attempt, "attempt " + attempt + " is no longer current");
            workers.forEach(worker -> env.cluster().send(worker, cancel));
        }
    }

    private ControlMessage cancelMessage(long attempt, String reason) {
        return ControlMessage.newBuilder().setCancel(CancelJob.newBuilder().setJobId(jobId.toString())
                .setAttempt(attempt).setReason(reason)).build();
    }

    private CompletableFuture<JobRecord> startCancel(String reason) {
        if (job.state().isTerminal() || job.state() == JobState.CANCELLING) {
            throw new JobOperationException(JobOperationException.Kind.CONFLICT, "job " + jobId + " is "
                    + job.state() + "; there is nothing to cancel");
        }
        if (current == null) {
            transition(JobState.CANCELED, reason);
            retire();
            return CompletableFuture.completedFuture(job);
        }
        Attempt attempt = current;
        transition(JobState.CANCELLING, reason);
        endAttempt(attempt, reason);
        Set<String> open = env.cluster().openWorkers();
        Set<TaskKey> remaining = new TreeSet<>();
        attempt.placement.forEach((task, worker) -> {
            String state = attempt.taskStates.get(task);
            // A worker whose deployment was still held back has nothing of this attempt to cancel.
            if (open.contains(worker) && !attempt.heldDeployments.containsKey(worker)
                    && !Set.of("CANCELED", "FINISHED", "FAILED").contains(state)) {
                remaining.add(task);
            }
        });
        CompletableFuture<JobRecord> done = new CompletableFuture<>();
        ScheduledFuture<?> timeout = executor.schedule(() -> guarded("cancel timeout", () -> finishCancel(
                " (" + (draining == null ? 0 : draining.remaining().size())
                        + " tasks did not confirm within the cancel timeout)")),
                env.config().cancelTimeout().toMillis(), TimeUnit.MILLISECONDS);
        draining = new Draining(attempt, remaining, reason, timeout, done);
        if (remaining.isEmpty()) {
            finishCancel("");
        }
        return done;
    }

    private void drained(TaskKey task) {
        if (draining == null) {
            return;
        }
        String state = draining.attempt().taskStates.get(task);
        if (Set.of("CANCELED", "FINISHED", "FAILED").contains(state)
                || !env.cluster().openWorkers().contains(draining.attempt().placement.get(task))) {
            draining.remaining().remove(task);
        }
        if (draining.remaining().isEmpty()) {
            finishCancel("");
        }
    }

    private void finishCancel(String note) {
        Draining finished = draining;
        if (finished == null) {
            return;
        }
        draining = null;
        finished.timeout().cancel(false);
        transition(JobState.CANCELED, finished.reason() + note);
        retire();
        finished.done().complete(job);
    }

    private CompletableFuture<Long> startSavepoint() {
        requireRunning("take a savepoint");
        return current.coordinator.trigger(true, false);
    }

    private JobRecord finishRescale(long attemptBefore, int parallelism, String planJson, long savepointId) {
        if (current == null || current.number != attemptBefore || job.state() != JobState.RUNNING) {
            throw new JobOperationException(JobOperationException.Kind.CONFLICT, "job " + jobId + " changed while"
                    + " savepoint " + savepointId + " was taken (now " + job.state() + "); rescale again");
        }
        String reason = "rescaling to parallelism " + parallelism + " from savepoint " + savepointId;
        job = env.store().replan(jobId, planJson, parallelism);
        transition(JobState.RESTARTING, reason);
        endAttempt(current, reason);
        notBefore = Instant.now();
        tryDeploy();
        return job;
    }

    private void requireRunning(String what) {
        if (job.state() != JobState.RUNNING || current == null) {
            throw new JobOperationException(JobOperationException.Kind.CONFLICT, "cannot " + what + ": job " + jobId
                    + " is " + job.state() + ", it must be RUNNING");
        }
    }

    private void fail(String cause) {
        if (current != null) {
            endAttempt(current, cause);
        }
        transition(JobState.FAILED, cause);
        retire();
    }

    private void transition(JobState next, String reason) {
        job = env.store().transition(jobId, next, reason);
        visibleState = next;
    }

    private void retire() {
        publishTasks();
        try {
            // The job ended: the same retention as after every checkpoint (last N + savepoints), so a job that ended
            // between two checkpoints leaves nothing more behind than a running one.
            env.checkpoints().retain(jobId, env.config().retainedCheckpoints());
        } catch (RuntimeException e) {
            LOG.warnf("job=%s: retention at the end of the job failed: %s", jobId, e.getMessage());
        }
        env.cluster().retired(jobId);
        executor.shutdown();
    }

    private void publishTasks() {
        Attempt attempt = current != null ? current : draining != null ? draining.attempt() : null;
        if (attempt == null) {
            taskViews = List.of();
            return;
        }
        List<TaskView> views = new ArrayList<>();
        attempt.taskStates.forEach((task, state) -> views.add(new TaskView(task.chainId(), task.subtask(),
                attempt.placement.get(task), state, attempt.failures.get(task))));
        taskViews = List.copyOf(views);
    }

    // ---- executor plumbing -------------------------------------------------------------------------------------------

    private void run(String what, Runnable action) {
        try {
            executor.execute(() -> guarded(what, action));
        } catch (java.util.concurrent.RejectedExecutionException retired) {
            LOG.debugf("job=%s: %s after the job ended, ignored", jobId, what);
        }
    }

    private void guarded(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "job=%s: handling %s failed", jobId, what);
        }
    }

    private <T> CompletableFuture<T> call(Supplier<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(action.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException retired) {
            result.completeExceptionally(new JobOperationException(JobOperationException.Kind.CONFLICT,
                    "job " + jobId + " has ended (" + visibleState + ")"));
        }
        return result;
    }
}
