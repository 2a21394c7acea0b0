package io.millrace.worker.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.runtime.checkpoint.TaskId;
import io.millrace.engine.runtime.checkpoint.TaskStateSnapshot;
import io.millrace.engine.runtime.checkpoint.TaskStateSnapshotCodec;
import io.millrace.engine.state.KeyedStateHandle;
import io.millrace.engine.state.KeyedStateHandle.StateFile;
import io.millrace.engine.state.SnapshotType;
import io.millrace.protocol.v1.CheckpointsDiscarded;
import io.millrace.protocol.v1.ControlMessage;
import io.millrace.protocol.v1.DiscardCheckpoints;
import io.millrace.spec.plan.KeyGroupRange;
import io.millrace.worker.connection.FakeControlPlane;
import io.millrace.worker.connection.FakeControlPlaneResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real worker answering {@code DiscardCheckpoints} from a {@link FakeControlPlane}: it deletes from the named
 * store exactly the files only the discarded checkpoints reference, and reports failures as the answer's error.
 */
@QuarkusTest
@TestProfile(JobsTestProfile.class)
@QuarkusTestResource(FakeControlPlaneResource.class)
class CheckpointDiscardIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    FakeControlPlane controlPlane;

    private final String jobId = UUID.randomUUID().toString();
    private Path storeRoot;
    private FileCheckpointStore store;

    @BeforeEach
    void workerIsRegisteredAndStoreHasTwoCheckpoints() throws Exception {
        await().atMost(WAIT).until(controlPlane::hasWorker);
        storeRoot = Files.createDirectories(Path.of("target", "discard-store-" + jobId)).toAbsolutePath();
        store = new FileCheckpointStore(storeRoot);
        for (String path : List.of("shared/L/1.sst", "shared/L/2.sst", "shared/L/3.sst",
                "checkpoints/" + jobId + "/1/counts-0/MANIFEST", "checkpoints/" + jobId + "/2/counts-0/MANIFEST")) {
            store.put(path, new byte[100]);
        }
    }

    @Test
    void deletesWhatOnlyTheDiscardedCheckpointReferencesAndAnswers() throws Exception {
        byte[] one = state(1, "shared/L/1.sst", "shared/L/2.sst", "checkpoints/" + jobId + "/1/counts-0/MANIFEST");
        byte[] two = state(2, "shared/L/2.sst", "shared/L/3.sst", "checkpoints/" + jobId + "/2/counts-0/MANIFEST");

        controlPlane.send(discard(storeRoot.toUri().toString(), List.of(one), List.of(two)));

        CheckpointsDiscarded answer = awaitAnswer();
        assertThat(answer.getError()).isEmpty();
        assertThat(answer.getCheckpointIdsList()).containsExactly(1L);
        assertThat(answer.getFilesDeleted()).isEqualTo(2);
        assertThat(answer.getBytesDeleted()).isEqualTo(200);
        assertThat(store.list("")).containsExactly("checkpoints/" + jobId + "/2/counts-0/MANIFEST", "shared/L/2.sst",
                "shared/L/3.sst");
    }

    @Test
    void anUndecodableRetainedStateIsTheAnswersErrorAndNothingIsDeleted() throws Exception {
        byte[] one = state(1, "shared/L/1.sst", "checkpoints/" + jobId + "/1/counts-0/MANIFEST");

        controlPlane.send(discard(storeRoot.toUri().toString(), List.of(one), List.of(new byte[] {42})));

        CheckpointsDiscarded answer = awaitAnswer();
        assertThat(answer.getError()).contains("retained_task_states[0] cannot be decoded");
        assertThat(answer.getFilesDeleted()).isZero();
        assertThat(store.list("")).hasSize(5);
    }

    private CheckpointsDiscarded awaitAnswer() {
        return await().atMost(WAIT).until(() -> controlPlane.discards().stream()
                .filter(d -> d.getJobId().equals(jobId)).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    private ControlMessage discard(String storeUri, List<byte[]> discarded, List<byte[]> retained) {
        return ControlMessage.newBuilder().setDiscardCheckpoints(DiscardCheckpoints.newBuilder()
                .setJobId(jobId)
                .addCheckpointIds(1)
                .addAllDiscardedTaskStates(discarded.stream().map(ByteString::copyFrom).toList())
                .addAllRetainedTaskStates(retained.stream().map(ByteString::copyFrom).toList())
                .setCheckpointStoreUri(storeUri)).build();
    }

    private static byte[] state(long checkpointId, String... paths) {
        List<StateFile> files = java.util.Arrays.stream(paths)
                .map(p -> new StateFile(p.substring(p.lastIndexOf('/') + 1), p, 100, p.startsWith("shared/")))
                .toList();
        KeyedStateHandle handle = new KeyedStateHandle("rocksdb", checkpointId, SnapshotType.CHECKPOINT, 128,
                new KeyGroupRange(0, 127), List.of(), files);
        return TaskStateSnapshotCodec.encode(new TaskStateSnapshot(new TaskId("counts", 0), checkpointId, Map.of(),
                handle));
    }
}
