package io.millrace.controlplane.preview.service;

import io.millrace.controlplane.worker.service.WorkerAvailability;
import io.millrace.controlplane.worker.service.WorkerJobMessage;
import io.millrace.controlplane.worker.service.WorkerLost;
import io.millrace.protocol.v1.PreviewResult;
import io.millrace.protocol.v1.WorkerMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Previews waiting for their worker's answer, by preview id. Completed by the worker's {@code PreviewResult}; failed
 * when the worker goes away first (its answer can no longer come). An answer nobody waits for any more (the request
 * timed out) is dropped with a debug line.
 */
@ApplicationScoped
public class PendingPreviews {

    private static final Logger LOG = Logger.getLogger(PendingPreviews.class);

    private record Pending(String workerId, CompletableFuture<PreviewResult> answer) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** Registers a preview about to be sent to {@code workerId}; the future completes with its answer. */
    public CompletableFuture<PreviewResult> expect(String previewId, String workerId) {
        CompletableFuture<PreviewResult> answer = new CompletableFuture<>();
        pending.put(previewId, new Pending(workerId, answer));
        return answer;
    }

    /** Stops waiting for {@code previewId} (answered, timed out or never sent). */
    public void forget(String previewId) {
        pending.remove(previewId);
    }

    void onWorkerMessage(@Observes WorkerJobMessage event) {
        WorkerMessage message = event.message();
        if (message.getKindCase() != WorkerMessage.KindCase.PREVIEW_RESULT) {
            return;
        }
        PreviewResult result = message.getPreviewResult();
        Pending waiting = pending.remove(result.getPreviewId());
        if (waiting == null) {
            LOG.debugf("worker %s: PreviewResult for preview %s, which nobody waits for any more, dropped",
                    event.workerId(), result.getPreviewId());
            return;
        }
        if (!waiting.workerId().equals(event.workerId())) {
            LOG.warnf("worker %s: PreviewResult for preview %s, which was sent to worker %s, accepted anyway",
                    event.workerId(), result.getPreviewId(), waiting.workerId());
        }
        waiting.answer().complete(result);
    }

    void onWorkerLost(@Observes WorkerLost lost) {
        workerGone(lost.workerId(), "was marked LOST (" + lost.reason() + ")");
    }

    void onWorkerAvailability(@Observes WorkerAvailability availability) {
        if (!availability.available()) {
            workerGone(availability.workerId(), "closed its session (" + availability.reason() + ")");
        }
    }

    private void workerGone(String workerId, String why) {
        pending.forEach((id, waiting) -> {
            if (waiting.workerId().equals(workerId) && pending.remove(id, waiting)) {
                waiting.answer().completeExceptionally(new WorkerGoneException("worker " + workerId + " " + why
                        + " before answering preview " + id + "; try again"));
            }
        });
    }

    /** The worker running a preview went away. */
    static final class WorkerGoneException extends RuntimeException {
        WorkerGoneException(String message) {
            super(message, null, false, false);
        }
    }
}
