package io.millrace.worker.preview;

import io.millrace.engine.preview.PreviewException;
import io.millrace.engine.preview.PreviewLimits;
import io.millrace.engine.preview.PreviewOutcome;
import io.millrace.engine.preview.PreviewRequest;
import io.millrace.engine.preview.PreviewRunner;
import io.millrace.protocol.v1.PreviewSamples;
import io.millrace.protocol.v1.RunPreview;
import io.millrace.spec.plan.PhysicalPlan;
import io.millrace.spec.plan.PlanCodec;
import io.millrace.spec.plan.PlanFormatException;
import io.millrace.worker.config.WorkerConfig;
import io.millrace.worker.connection.ControlPlaneOutbox;
import io.millrace.worker.identity.WorkerIdentity;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs {@code RunPreview} requests on a bounded pool of its own ({@code preview.max-concurrent} threads, {@code
 * preview.queue-capacity} waiting) and answers each with one {@code PreviewResult} through the outbox. Called on the
 * gateway thread, which it leaves at once. The request's limits are capped by this worker's configuration.
 */
@ApplicationScoped
public class PreviewExecutor {

    private static final Logger LOG = Logger.getLogger(PreviewExecutor.class);

    private final PreviewConfig config;
    private final ControlPlaneOutbox outbox;
    private final PreviewRunner runner;
    private final String workerId;
    private final ThreadPoolExecutor pool;

    public PreviewExecutor(PreviewConfig config, WorkerConfig worker, WorkerIdentity identity,
            ControlPlaneOutbox outbox) {
        this.config = config;
        this.outbox = outbox;
        this.workerId = identity.id();
        this.runner = new PreviewRunner(Path.of(worker.dataDir(), "previews", identity.id()));
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(config.maxConcurrent(), config.maxConcurrent(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.queueCapacity()), runnable -> {
                    Thread t = new Thread(runnable, "millrace-preview-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Queues the preview; a full queue is answered "busy" right away. */
    public void handle(RunPreview request) {
        try {
            pool.execute(() -> run(request));
        } catch (RejectedExecutionException full) {
            LOG.warnf("worker %s: preview %s refused: %d previews running, %d waiting", workerId,
                    request.getPreviewId(), pool.getActiveCount(), pool.getQueue().size());
            outbox.send(PreviewResults.failed(request.getPreviewId(), null, "worker " + workerId
                    + " is busy with other previews (" + config.maxConcurrent() + " running, " + config.queueCapacity()
                    + " waiting); try again in a few seconds", 0));
        }
    }

    private void run(RunPreview request) {
        long started = System.nanoTime();
        String id = request.getPreviewId();
        try {
            PhysicalPlan plan = new PlanCodec().fromJson(request.getPlanJson());
            PreviewOutcome outcome = runner.run(new PreviewRequest(id, plan, samples(request), limits(request)));
            LOG.infof("worker %s: preview %s of tenant %s ran in %d ms (%d outputs, %d errors%s)", workerId, id,
                    request.getTenantId(), outcome.elapsedMillis(), outcome.nodes().size(), outcome.errors().size(),
                    outcome.limitHit() ? ", time limit hit" : "");
            outbox.send(PreviewResults.ran(id, outcome));
        } catch (PreviewException refused) {
            LOG.infof("worker %s: preview %s of tenant %s cannot run: %s", workerId, id, request.getTenantId(),
                    refused.getMessage());
            outbox.send(PreviewResults.failed(id, refused.nodeId(), refused.getMessage(), elapsed(started)));
        } catch (PlanFormatException | IllegalArgumentException badRequest) {
            LOG.warnf("worker %s: preview %s has an unusable request: %s", workerId, id, badRequest.getMessage());
            outbox.send(PreviewResults.failed(id, null, "the preview request is unusable: " + badRequest.getMessage(),
                    elapsed(started)));
        } catch (InterruptedException shuttingDown) {
            Thread.currentThread().interrupt();
            outbox.send(PreviewResults.failed(id, null, "worker " + workerId + " is shutting down", elapsed(started)));
        } catch (RuntimeException unexpected) {
            LOG.errorf(unexpected, "worker %s: preview %s failed", workerId, id);
            outbox.send(PreviewResults.failed(id, null, "the preview failed on worker " + workerId + ": "
                    + unexpected.getClass().getSimpleName() + "; see the worker log for preview " + id,
                    elapsed(started)));
        }
    }

    private PreviewLimits limits(RunPreview request) {
        int records = request.getMaxRecordsPerNode() <= 0 ? config.maxRecordsPerNode()
                : Math.min(request.getMaxRecordsPerNode(), config.maxRecordsPerNode());
        Duration time = request.getTimeLimitMs() <= 0 ? config.maxTimeLimit()
                : Duration.ofMillis(Math.min(request.getTimeLimitMs(), config.maxTimeLimit().toMillis()));
        int generated = request.getGeneratedRecordsPerSource() <= 0 ? config.generatedRecordsPerSource()
                : request.getGeneratedRecordsPerSource();
        return new PreviewLimits(records, time, generated);
    }

    private static Map<String, List<String>> samples(RunPreview request) {
        Map<String, List<String>> samples = new LinkedHashMap<>();
        for (Map.Entry<String, PreviewSamples> entry : request.getSamplesMap().entrySet()) {
            samples.put(entry.getKey(), List.copyOf(entry.getValue().getRecordsJsonList()));
        }
        return samples;
    }

    private static long elapsed(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }
}
