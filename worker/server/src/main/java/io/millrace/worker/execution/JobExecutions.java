package io.millrace.worker.execution;

import io.millrace.engine.runtime.JobSlice;
import io.millrace.protocol.v1.CancelJob;
import io.millrace.protocol.v1.ControlMessage;
import io.millrace.protocol.v1.DeployTasks;
import io.millrace.protocol.v1.TaskRef;
import io.millrace.worker.connection.ControlPlaneOutbox;
import io.millrace.worker.data.DataPlane;
import io.millrace.engine.runtime.checkpoint.TaskId;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The job attempts running on this worker, one {@link JobExecution} per (job, attempt). Executes what the control
 * plane sends: deploy, cancel, trigger / complete / abort checkpoints, and hands checkpoint-file cleanup
 * ({@code DiscardCheckpoints}) to {@link CheckpointDiscards}. Building and starting a slice, and cleaning up
 * after one, run on one "job control" thread, never on the gRPC thread; so the messages of one attempt are applied
 * in the order they arrived (a trigger sent right after a deployment finds the slice started).
 *
 * <p>Messages for an attempt not running here are ignored (debug log): the control plane drops stale attempts too.
 */
@ApplicationScoped
public class JobExecutions {

    private static final Logger LOG = Logger.getLogger(JobExecutions.class);

    private final SliceSpecs specs;
    private final DataPlane dataPlane;
    private final ControlPlaneOutbox outbox;
    private final CheckpointDiscards discards;
    private final Map<AttemptKey, JobExecution> executions = new ConcurrentHashMap<>();
    private final List<Consumer<JobExecution>> endListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ExecutorService control = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "millrace-job-control");
        thread.setDaemon(true);
        return thread;
    });

    /** (job, attempt): the key of everything an attempt owns here. */
    record AttemptKey(String jobId, long attempt) {}

    public JobExecutions(SliceSpecs specs, DataPlane dataPlane, ControlPlaneOutbox outbox,
            CheckpointDiscards discards) {
        this.specs = specs;
        this.discards = discards;
        this.dataPlane = dataPlane;
        this.outbox = outbox;
    }

    /** A job message from the control plane (called on the connector's thread: must not block). */
    public void handle(ControlMessage message) {
        switch (message.getKindCase()) {
            case DEPLOY -> deploy(message.getDeploy());
            case CANCEL -> cancel(message.getCancel());
            case TRIGGER_CHECKPOINT -> {
                var trigger = message.getTriggerCheckpoint();
                onAttempt(trigger.getJobId(), trigger.getAttempt(), "TriggerCheckpoint", slice ->
                        slice.triggerCheckpoint(trigger.getCheckpointId(), trigger.getSavepoint(), trigger.getFinal()));
            }
            case CHECKPOINT_COMPLETE -> {
                var complete = message.getCheckpointComplete();
                onAttempt(complete.getJobId(), complete.getAttempt(), "CheckpointComplete",
                        slice -> slice.notifyCheckpointComplete(complete.getCheckpointId()));
            }
            case CHECKPOINT_ABORTED -> {
                var aborted = message.getCheckpointAborted();
                onAttempt(aborted.getJobId(), aborted.getAttempt(), "CheckpointAborted",
                        slice -> slice.notifyCheckpointAborted(aborted.getCheckpointId()));
            }
            // Not tied to an attempt: any worker may be asked to clean a job's retired checkpoints.
            case DISCARD_CHECKPOINTS -> discards.handle(message.getDiscardCheckpoints());
            default -> LOG.debugf("not a job message: %s", message.getKindCase());
        }
    }

    /** Every task deploying or running here, for heartbeats (a restarted control plane re-adopts them). */
    public List<TaskRef> runningTasks() {
        List<TaskRef> running = new ArrayList<>();
        executions.values().forEach(execution -> running.addAll(execution.activeTasks()));
        return running;
    }

    /** The attempts currently known here (metrics). */
    List<JobExecution> executions() {
        return List.copyOf(executions.values());
    }

    /** Called (on the job-control thread) after an attempt ended here and its resources were released. */
    void onAttemptEnded(Consumer<JobExecution> listener) {
        endListeners.add(listener);
    }

    private void deploy(DeployTasks deploy) {
        AttemptKey key = new AttemptKey(deploy.getJobId(), deploy.getAttempt());
        List<TaskId> local = specs.localTasks(deploy);
        if (local.isEmpty()) {
            LOG.warnf("job=%s attempt=%d: DeployTasks assigns no task to this worker; ignored", key.jobId(),
                    key.attempt());
            return;
        }
        JobExecution execution = new JobExecution(key.jobId(), key.attempt(), deploy.getJobName(), local,
                outbox::send, this::ended);
        if (executions.putIfAbsent(key, execution) != null) {
            LOG.warnf("job=%s attempt=%d is already deployed here; duplicate DeployTasks ignored", key.jobId(),
                    key.attempt());
            return;
        }
        LOG.infof("%s: deploying %d tasks %s", execution.describe(), local.size(), local);
        execution.reportDeploying();
        runOnControl(() -> start(deploy, execution));
    }

    private void start(DeployTasks deploy, JobExecution execution) {
        JobSlice slice = null;
        try {
            SliceSpecs.Deployment deployment = specs.build(deploy, execution);
            slice = JobSlice.create(deployment.spec());
            execution.built(slice, deployment.resources());
            slice.start();
            LOG.infof("%s: started %s", execution.describe(), slice.localTasks());
        } catch (DeploymentException e) {
            execution.deploymentFailed(e, e.restoreFailed());
        } catch (Exception | LinkageError e) {
            if (slice != null) {
                slice.cancel();
            }
            execution.deploymentFailed(e, false);
        }
    }

    private void cancel(CancelJob cancel) {
        List<JobExecution> targets = executions.values().stream()
                .filter(e -> e.jobId().equals(cancel.getJobId())
                        && (cancel.getAttempt() == 0 || e.attempt() == cancel.getAttempt()))
                .toList();
        if (targets.isEmpty()) {
            LOG.debugf("job=%s attempt=%d: CancelJob for an attempt not running here; ignored", cancel.getJobId(),
                    cancel.getAttempt());
            return;
        }
        for (JobExecution execution : targets) {
            LOG.infof("%s: cancelling (%s)", execution.describe(), cancel.getReason());
            runOnControl(() -> {
                JobSlice slice = execution.slice();
                if (slice != null) {
                    slice.cancel();
                }
            });
        }
    }

    private void onAttempt(String jobId, long attempt, String what, Consumer<JobSlice> action) {
        JobExecution execution = executions.get(new AttemptKey(jobId, attempt));
        if (execution == null) {
            LOG.debugf("job=%s attempt=%d: %s for an attempt not running here; ignored", jobId, attempt, what);
            return;
        }
        runOnControl(() -> {
            JobSlice slice = execution.slice();
            if (slice == null) {
                LOG.debugf("%s: %s before the slice was built; ignored", execution.describe(), what);
                return;
            }
            try {
                action.accept(slice);
            } catch (RuntimeException e) {
                LOG.warnf("%s: %s failed: %s", execution.describe(), what, TaskReports.oneLine(e));
            }
        });
    }

    /** The last local task of the attempt ended (called from a task thread): release everything, off that thread. */
    private void ended(JobExecution execution) {
        runOnControl(() -> release(execution));
    }

    private void release(JobExecution execution) {
        JobSlice slice = execution.slice();
        try {
            if (slice != null) {
                slice.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf("%s: closing the slice failed: %s", execution.describe(), TaskReports.oneLine(e));
        }
        dataPlane.releaseAttempt(execution.jobId(), execution.attempt());
        AttemptResources resources = execution.resources();
        if (resources != null) {
            try {
                resources.close();
            } catch (RuntimeException e) {
                LOG.warnf("%s: releasing its resources failed: %s", execution.describe(), TaskReports.oneLine(e));
            }
        }
        executions.remove(new AttemptKey(execution.jobId(), execution.attempt()), execution);
        endListeners.forEach(listener -> listener.accept(execution));
        LOG.infof("%s: ended here %s", execution.describe(), execution.states());
    }

    private void runOnControl(Runnable action) {
        try {
            control.execute(action);
        } catch (RejectedExecutionException shuttingDown) {
            LOG.debug("worker shutting down: job control action dropped");
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        for (JobExecution execution : executions.values()) {
            JobSlice slice = execution.slice();
            if (slice != null) {
                slice.cancel();
            }
        }
        control.shutdown();
        control.awaitTermination(10, TimeUnit.SECONDS);
    }
}
