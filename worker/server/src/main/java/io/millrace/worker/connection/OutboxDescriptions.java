package io.millrace.worker.connection;

import io.millrace.protocol.v1.TaskRef;
import io.millrace.protocol.v1.WorkerMessage;

/** One-line descriptions of outgoing reports for logs: kind, job, attempt, task. */
final class OutboxDescriptions {

    private OutboxDescriptions() {}

    static String describe(WorkerMessage message) {
        return switch (message.getKindCase()) {
            case TASK_STATE -> message.getTaskState().getState() + " " + task(message.getTaskState().getTask());
            case SOURCE_FINISHED -> "SourceFinished " + task(message.getSourceFinished().getTask());
            case CHECKPOINT_ACK -> "CheckpointAck checkpoint=" + message.getCheckpointAck().getCheckpointId() + " "
                    + task(message.getCheckpointAck().getTask());
            case CHECKPOINT_DECLINED -> "CheckpointDeclined checkpoint="
                    + message.getCheckpointDeclined().getCheckpointId() + " "
                    + task(message.getCheckpointDeclined().getTask());
            default -> message.getKindCase().toString();
        };
    }

    private static String task(TaskRef task) {
        return "job=" + task.getJobId() + " attempt=" + task.getAttempt() + " task=" + task.getChainId() + "#"
                + task.getSubtask();
    }
}
