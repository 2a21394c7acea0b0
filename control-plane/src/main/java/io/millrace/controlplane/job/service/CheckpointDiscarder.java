package io.millrace.controlplane.job.service;

import com.google.protobuf.ByteString;
import io.millrace.controlplane.job.config.JobsConfig;
import io.millrace.controlplane.job.persistence.CheckpointStore;
import io.millrace.controlplane.job.persistence.DiscardRequest;
import io.millrace.controlplane.worker.grpc.WorkerSessions;
import io.millrace.controlplane.worker.service.WorkerAvailability;
import io.millrace.controlplane.worker.service.WorkerJobMessage;
import io.millrace.protocol.v1.CheckpointsDiscarded;
import io.millrace.protocol.v1.ControlMessage;
import io.millrace.protocol.v1.DiscardCheckpoints;
import io.millrace.protocol.v1.WorkerMessage;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Gets the files of checkpoints that retention gave up (rows in state DISCARDING) deleted, then forgets the rows.
 *
 * <p>The control plane cannot delete them itself: it does not depend on the engine, and only the engine knows which
 * files a checkpoint's opaque task states reference. So a pass asks ONE connected worker per job
 * ({@code DiscardCheckpoints}, with the task states of every checkpoint/savepoint that stays) and the row goes only when
 * that worker answers {@code CheckpointsDiscarded} without error. Passes run every
 * {@code millrace.jobs.checkpoint-cleanup-interval} and when a worker registers; without workers the rows simply wait
 * (nothing is lost: their task states still say what to delete). Jobs are handled whether or not they still run, and
 * independently of job masters, so a job that ended — or a control plane that restarted — still gets cleaned.
 *
 * <p>A request unanswered after one interval is sent again (possibly to another worker); discarding is idempotent on
 * the worker, so duplicates cost only time.
 */
@ApplicationScoped
public class CheckpointDiscarder {

    private static final Logger LOG = Logger.getLogger(CheckpointDiscarder.class);
    /** Checkpoints per request: bounds the message size when many piled up while no worker was connected. */
    static final int MAX_CHECKPOINTS_PER_REQUEST = 100;

    private final CheckpointStore checkpoints;
    private final WorkerSessions sessions;
    private final JobsConfig config;
    private final Clock clock = Clock.systemUTC();
    /** job → when its last request was sent (removed when answered). */
    private final Map<UUID, Instant> inFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean passQueued = new AtomicBoolean();
    private final ExecutorService passes = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "millrace-checkpoint-discarder");
        thread.setDaemon(true);
        return thread;
    });

    public CheckpointDiscarder(CheckpointStore checkpoints, WorkerSessions sessions, JobsConfig config) {
        this.checkpoints = checkpoints;
        this.sessions = sessions;
        this.config = config;
    }

    @Scheduled(identity = "checkpoint-discard", every = "${millrace.jobs.checkpoint-cleanup-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodicPass() {
        requestPass();
    }

    /** A worker registered: checkpoints waiting for one can go now. */
    void onWorkerAvailability(@Observes WorkerAvailability availability) {
        if (availability.available()) {
            requestPass();
        }
    }

    /** Runs a pass soon on the discarder's own thread (never on a gRPC or scheduler thread); coalesces requests. */
    void requestPass() {
        if (!passQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            passes.execute(() -> {
                passQueued.set(false);
                try {
                    pass();
                } catch (RuntimeException e) {
                    LOG.warnf("checkpoint discard pass failed (retried next interval): %s", e.getMessage());
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            passQueued.set(false);
        }
    }

    private void pass() {
        List<String> open = new ArrayList<>(sessions.openWorkers());
        if (open.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (UUID jobId : checkpoints.jobsWithDiscardingCheckpoints()) {
            Instant sent = inFlight.get(jobId);
            if (sent != null && sent.plus(config.checkpointCleanupInterval()).isAfter(now)) {
                continue;
            }
            DiscardRequest request = checkpoints.discardRequest(jobId, MAX_CHECKPOINTS_PER_REQUEST);
            if (request.checkpointIds().isEmpty()) {
                continue;
            }
            String worker = open.get(ThreadLocalRandom.current().nextInt(open.size()));
            if (sessions.send(worker, message(request))) {
                inFlight.put(jobId, now);
                LOG.debugf("job=%s checkpoints=%s: asked worker %s to delete their files", jobId,
                        request.checkpointIds(), worker);
            }
        }
    }

    private ControlMessage message(DiscardRequest request) {
        DiscardCheckpoints.Builder discard = DiscardCheckpoints.newBuilder()
                .setJobId(request.jobId().toString())
                .addAllCheckpointIds(request.checkpointIds())
                .setCheckpointStoreUri(config.checkpointStore().orElse(""));
        request.discardedTaskStates().forEach(s -> discard.addDiscardedTaskStates(ByteString.copyFrom(s)));
        request.retainedTaskStates().forEach(s -> discard.addRetainedTaskStates(ByteString.copyFrom(s)));
        return ControlMessage.newBuilder().setDiscardCheckpoints(discard).build();
    }

    void onAnswer(@Observes WorkerJobMessage event) {
        WorkerMessage message = event.message();
        if (message.getKindCase() != WorkerMessage.KindCase.CHECKPOINTS_DISCARDED) {
            return;
        }
        CheckpointsDiscarded answer = message.getCheckpointsDiscarded();
        UUID jobId;
        try {
            jobId = UUID.fromString(answer.getJobId());
        } catch (IllegalArgumentException notAUuid) {
            LOG.warnf("worker %s: CheckpointsDiscarded for job id '%s', which is not a job id, ignored",
                    event.workerId(), answer.getJobId());
            return;
        }
        inFlight.remove(jobId);
        if (!answer.getError().isEmpty()) {
            LOG.warnf("job=%s checkpoints=%s: worker %s could not delete their files (retried in %s): %s", jobId,
                    answer.getCheckpointIdsList(), event.workerId(), config.checkpointCleanupInterval(),
                    answer.getError());
            return;
        }
        int rows = checkpoints.deleteDiscarded(jobId, answer.getCheckpointIdsList());
        LOG.infof("job=%s checkpoints=%s: discarded by worker %s (%d files, %d bytes deleted; %d rows removed)",
                jobId, answer.getCheckpointIdsList(), event.workerId(), answer.getFilesDeleted(),
                answer.getBytesDeleted(), rows);
    }

    void stop(@Observes ShutdownEvent stopping) {
        passes.shutdownNow();
    }
}
