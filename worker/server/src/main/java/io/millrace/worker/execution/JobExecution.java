package io.millrace.worker.execution;

import io.millrace.engine.runtime.JobSlice;
import io.millrace.engine.runtime.SliceListener;
import io.millrace.engine.runtime.checkpoint.CheckpointFailureReason;
import io.millrace.engine.runtime.checkpoint.TaskId;
import io.millrace.protocol.v1.TaskRef;
import io.millrace.protocol.v1.TaskState;
import io.millrace.protocol.v1.WorkerMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One attempt of one job on this worker: its local tasks, their states, its {@link JobSlice}. Hears the slice (task
 * and snapshot threads) and reports every change to the control plane. When the last local task ended, the attempt
 * is handed to {@code onEnded} for cleanup.
 */
final class JobExecution implements SliceListener {

    private static final Logger LOG = Logger.getLogger(JobExecution.class);

    private final String jobId;
    private final long attempt;
    private final String jobName;
    private final TaskReports reports;
    private final Consumer<WorkerMessage> outbox;
    private final Consumer<JobExecution> onEnded;
    /** Guarded by this. Insertion order = deployment order, for stable reports. */
    private final Map<TaskId, TaskState> states = new LinkedHashMap<>();
    private boolean ended;

    private volatile JobSlice slice;
    private volatile AttemptResources resources;

    JobExecution(String jobId, long attempt, String jobName, List<TaskId> localTasks,
            Consumer<WorkerMessage> outbox, Consumer<JobExecution> onEnded) {
        this.jobId = jobId;
        this.attempt = attempt;
        this.jobName = jobName;
        this.reports = new TaskReports(jobId, attempt);
        this.outbox = outbox;
        this.onEnded = onEnded;
        localTasks.forEach(task -> states.put(task, TaskState.TASK_DEPLOYING));
    }

    String jobId() {
        return jobId;
    }

    long attempt() {
        return attempt;
    }

    String describe() {
        return "job=" + jobId + " attempt=" + attempt + (jobName.isEmpty() ? "" : " (" + jobName + ")");
    }

    JobSlice slice() {
        return slice;
    }

    AttemptResources resources() {
        return resources;
    }

    void reportDeploying() {
        List<TaskId> tasks;
        synchronized (this) {
            tasks = List.copyOf(states.keySet());
        }
        tasks.forEach(task -> outbox.accept(reports.state(task, TaskState.TASK_DEPLOYING)));
    }

    /** The slice is built (set BEFORE it starts, so early task callbacks find it). */
    void built(JobSlice builtSlice, AttemptResources attemptResources) {
        this.resources = attemptResources;
        this.slice = builtSlice;
    }

    /** The deployment could not be built or started: every task not ended yet is FAILED with the reason. */
    void deploymentFailed(Throwable cause, boolean restoreFailed) {
        String failure = TaskReports.oneLine(cause);
        LOG.errorf("%s: deployment failed: %s", describe(), failure);
        List<TaskId> open;
        synchronized (this) {
            open = states.entrySet().stream().filter(e -> !terminal(e.getValue())).map(Map.Entry::getKey).toList();
        }
        for (TaskId task : open) {
            move(task, TaskState.TASK_FAILED, reports.failed(task, failure, restoreFailed, TaskReports.unreachableWorker(cause)));
        }
    }

    /** Tasks of this attempt that hold a slot here (deploying or running). */
    synchronized List<TaskRef> activeTasks() {
        return states.entrySet().stream().filter(e -> !terminal(e.getValue())).map(e -> reports.ref(e.getKey()))
                .toList();
    }

    synchronized Map<TaskId, TaskState> states() {
        return Map.copyOf(states);
    }

    TaskReports reports() {
        return reports;
    }

    @Override
    public void taskRunning(TaskId task) {
        move(task, TaskState.TASK_RUNNING, reports.state(task, TaskState.TASK_RUNNING));
    }

    @Override
    public void taskFinished(TaskId task) {
        move(task, TaskState.TASK_FINISHED, reports.state(task, TaskState.TASK_FINISHED));
    }

    @Override
    public void taskCancelled(TaskId task) {
        move(task, TaskState.TASK_CANCELED, reports.state(task, TaskState.TASK_CANCELED));
    }

    @Override
    public void taskFailed(TaskId task, Throwable cause, boolean restoreFailed) {
        String failure = TaskReports.oneLine(cause);
        LOG.warnf("%s task=%s failed%s: %s", describe(), task, restoreFailed ? " restoring its state" : "", failure);
        move(task, TaskState.TASK_FAILED, reports.failed(task, failure, restoreFailed, TaskReports.unreachableWorker(cause)));
    }

    @Override
    public void sourceFinished(TaskId task) {
        outbox.accept(reports.sourceFinished(task));
    }

    @Override
    public void acknowledged(TaskId task, long checkpointId, byte[] taskState, long stateSizeBytes) {
        outbox.accept(reports.acknowledged(task, checkpointId, taskState, stateSizeBytes));
    }

    @Override
    public void declined(TaskId task, long checkpointId, CheckpointFailureReason reason, String message) {
        LOG.infof("%s task=%s checkpoint=%d declined: %s %s", describe(), task, checkpointId, reason, message);
        outbox.accept(reports.declined(task, checkpointId, reason, message));
    }

    private void move(TaskId task, TaskState next, WorkerMessage report) {
        boolean allEnded;
        synchronized (this) {
            TaskState current = states.get(task);
            if (current == null) {
                LOG.warnf("%s: state %s reported for task=%s which is not deployed here", describe(), next, task);
                return;
            }
            if (terminal(current) || current == next) {
                return; // an ended task stays ended (a cancel after a failure reports nothing more)
            }
            states.put(task, next);
            allEnded = !ended && states.values().stream().allMatch(JobExecution::terminal);
            if (allEnded) {
                ended = true;
            }
        }
        LOG.debugf("%s task=%s -> %s", describe(), task, next);
        outbox.accept(report);
        if (allEnded) {
            onEnded.accept(this);
        }
    }

    private static boolean terminal(TaskState state) {
        return state == TaskState.TASK_FINISHED || state == TaskState.TASK_CANCELED
                || state == TaskState.TASK_FAILED;
    }
}
