package io.millrace.worker.preview;

import io.millrace.engine.preview.PreviewOutcome;
import io.millrace.protocol.v1.PreviewNodeError;
import io.millrace.protocol.v1.PreviewNodeOutput;
import io.millrace.protocol.v1.PreviewResult;
import io.millrace.protocol.v1.WorkerMessage;
import java.util.Map;

/** Engine outcomes to {@code PreviewResult} messages. */
final class PreviewResults {

    private PreviewResults() {}

    static WorkerMessage ran(String previewId, PreviewOutcome outcome) {
        PreviewResult.Builder result = PreviewResult.newBuilder()
                .setPreviewId(previewId)
                .setElapsedMs(outcome.elapsedMillis())
                .setLimitHit(outcome.limitHit())
                .addAllDeadLettersJson(outcome.deadLetters());
        for (Map.Entry<String, PreviewOutcome.NodeOutput> node : outcome.nodes().entrySet()) {
            result.addNodes(PreviewNodeOutput.newBuilder()
                    .setNodeId(node.getKey())
                    .addAllRecordsJson(node.getValue().records())
                    .setCount(node.getValue().count())
                    .setTruncated(node.getValue().truncated()));
        }
        for (PreviewOutcome.NodeError error : outcome.errors()) {
            result.addErrors(PreviewNodeError.newBuilder()
                    .setNodeId(error.nodeId() == null ? "" : error.nodeId())
                    .setMessage(error.message()));
        }
        return WorkerMessage.newBuilder().setPreviewResult(result).build();
    }

    /** The preview could not run; {@code nodeId} (may be null) locates the reason. */
    static WorkerMessage failed(String previewId, String nodeId, String reason, long elapsedMillis) {
        PreviewResult.Builder result = PreviewResult.newBuilder()
                .setPreviewId(previewId)
                .setFailure(reason)
                .setElapsedMs(elapsedMillis);
        if (nodeId != null) {
            result.addErrors(PreviewNodeError.newBuilder().setNodeId(nodeId).setMessage(reason));
        }
        return WorkerMessage.newBuilder().setPreviewResult(result).build();
    }
}
