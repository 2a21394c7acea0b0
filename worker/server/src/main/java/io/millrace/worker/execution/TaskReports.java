package io.millrace.worker.execution;

import io.millrace.engine.runtime.checkpoint.CheckpointFailureReason;
import io.millrace.engine.runtime.checkpoint.TaskId;
import io.millrace.protocol.v1.CheckpointAck;
import io.millrace.protocol.v1.CheckpointDeclined;
import io.millrace.protocol.v1.SourceFinished;
import io.millrace.protocol.v1.TaskRef;
import io.millrace.protocol.v1.TaskState;
import io.millrace.protocol.v1.TaskStateChanged;
import io.millrace.protocol.v1.WorkerMessage;
import com.google.protobuf.ByteString;

/** The worker messages one attempt's tasks report, built in one place. */
final class TaskReports {

    private final String jobId;
    private final long attempt;

    TaskReports(String jobId, long attempt) {
        this.jobId = jobId;
        this.attempt = attempt;
    }

    TaskRef ref(TaskId task) {
        return TaskRef.newBuilder().setJobId(jobId).setAttempt(attempt).setChainId(task.chain())
                .setSubtask(task.subtask()).build();
    }

    WorkerMessage state(TaskId task, TaskState state) {
        return WorkerMessage.newBuilder()
                .setTaskState(TaskStateChanged.newBuilder().setTask(ref(task)).setState(state))
                .build();
    }

    WorkerMessage failed(TaskId task, String failure, boolean restoreFailed, String unreachableWorker) {
        TaskStateChanged.Builder state = TaskStateChanged.newBuilder().setTask(ref(task))
                .setState(TaskState.TASK_FAILED).setFailure(failure).setRestoreFailed(restoreFailed);
        if (unreachableWorker != null) {
            state.setUnreachableWorker(unreachableWorker);
        }
        return WorkerMessage.newBuilder().setTaskState(state).build();
    }

    /** The peer worker of a broken data channel somewhere in {@code cause}'s chain, or null. */
    static String unreachableWorker(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.millrace.engine.runtime.exchange.ChannelFailedException broken
                    && broken.peerWorker() != null) {
                return broken.peerWorker();
            }
        }
        return null;
    }

    WorkerMessage sourceFinished(TaskId task) {
        return WorkerMessage.newBuilder().setSourceFinished(SourceFinished.newBuilder().setTask(ref(task))).build();
    }

    WorkerMessage acknowledged(TaskId task, long checkpointId, byte[] taskState, long stateSizeBytes) {
        return WorkerMessage.newBuilder()
                .setCheckpointAck(CheckpointAck.newBuilder().setTask(ref(task)).setCheckpointId(checkpointId)
                        .setTaskState(ByteString.copyFrom(taskState)).setStateSizeBytes(stateSizeBytes))
                .build();
    }

    WorkerMessage declined(TaskId task, long checkpointId, CheckpointFailureReason reason, String message) {
        return WorkerMessage.newBuilder()
                .setCheckpointDeclined(CheckpointDeclined.newBuilder().setTask(ref(task)).setCheckpointId(checkpointId)
                        .setReason(reason.name()).setMessage(message == null ? "" : message))
                .build();
    }

    /**
     * The failure in one line an operator can act on: the root cause's class and message, never a stack trace. The
     * outermost message is kept too when it says more (e.g. which channel broke).
     */
    static String oneLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String rootMessage = String.valueOf(root.getMessage());
        String outer = failure.getMessage();
        String text;
        if (root == failure || outer == null) {
            text = root.getClass().getName() + ": " + rootMessage;
        } else if (outer.contains(rootMessage)) {
            // The outer message already quotes the cause and says where (which field, which channel): keep it whole.
            text = root.getClass().getName() + ": " + outer;
        } else {
            text = root.getClass().getName() + ": " + rootMessage + " (in: " + outer + ")";
        }
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
