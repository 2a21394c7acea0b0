package io.millrace.worker.execution;

import com.google.protobuf.ByteString;
import io.millrace.engine.checkpoint.store.CheckpointStore;
import io.millrace.engine.runtime.checkpoint.CheckpointFileCleaner;
import io.millrace.engine.runtime.checkpoint.TaskStateSnapshot;
import io.millrace.protocol.v1.CheckpointsDiscarded;
import io.millrace.protocol.v1.DiscardCheckpoints;
import io.millrace.protocol.v1.WorkerMessage;
import io.millrace.worker.connection.ControlPlaneOutbox;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.jboss.logging.Logger;

/**
 * Executes {@code DiscardCheckpoints}: deletes the checkpoint-store files that only the discarded checkpoints
 * reference ({@link CheckpointFileCleaner}) and answers {@code CheckpointsDiscarded}. Runs on its own thread, never on
 * the gRPC thread nor the job-control thread: deleting many objects from a remote store can take seconds and must not
 * delay deployments or checkpoint triggers. Requests are executed one at a time, in arrival order.
 */
@ApplicationScoped
public class CheckpointDiscards {

    private static final Logger LOG = Logger.getLogger(CheckpointDiscards.class);

    private final CheckpointStoreOpener stores;
    private final ControlPlaneOutbox outbox;
    private final ExecutorService cleanup = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "millrace-checkpoint-cleanup");
        thread.setDaemon(true);
        return thread;
    });

    public CheckpointDiscards(CheckpointStoreOpener stores, ControlPlaneOutbox outbox) {
        this.stores = stores;
        this.outbox = outbox;
    }

    /** Queues the discard (called on the connector's thread: must not block). */
    public void handle(DiscardCheckpoints request) {
        try {
            cleanup.execute(() -> outbox.send(WorkerMessage.newBuilder()
                    .setCheckpointsDiscarded(discard(request)).build()));
        } catch (RejectedExecutionException shuttingDown) {
            LOG.debugf("job=%s: worker shutting down, DiscardCheckpoints %s dropped (the control plane retries)",
                    request.getJobId(), request.getCheckpointIdsList());
        }
    }

    /** Performs the discard and describes the outcome; never throws (a failure is the answer's error). */
    CheckpointsDiscarded discard(DiscardCheckpoints request) {
        CheckpointsDiscarded.Builder answer = CheckpointsDiscarded.newBuilder()
                .setJobId(request.getJobId())
                .addAllCheckpointIds(request.getCheckpointIdsList());
        try (CheckpointStore store = stores.open(request.getCheckpointStoreUri())) {
            List<TaskStateSnapshot> discarded = CheckpointFileCleaner.decodeAll(
                    bytes(request.getDiscardedTaskStatesList()), "discarded_task_states");
            List<TaskStateSnapshot> retained = CheckpointFileCleaner.decodeAll(
                    bytes(request.getRetainedTaskStatesList()), "retained_task_states");
            CheckpointFileCleaner.Result result = new CheckpointFileCleaner(store)
                    .discard(request.getJobId(), request.getCheckpointIdsList(), discarded, retained);
            LOG.infof("job=%s checkpoints=%s: discarded, %d files (%d bytes) deleted from %s", request.getJobId(),
                    request.getCheckpointIdsList(), result.filesDeleted(), result.bytesDeleted(), store.uri());
            return answer.setFilesDeleted(result.filesDeleted()).setBytesDeleted(result.bytesDeleted()).build();
        } catch (Exception e) {
            String error = TaskReports.oneLine(e);
            LOG.warnf("job=%s checkpoints=%s: discarding failed (the control plane retries): %s", request.getJobId(),
                    request.getCheckpointIdsList(), error);
            return answer.setError(error).build();
        }
    }

    private static List<byte[]> bytes(List<ByteString> states) {
        return states.stream().map(ByteString::toByteArray).toList();
    }

    void stop(@Observes ShutdownEvent event) {
        cleanup.shutdownNow();
    }
}
