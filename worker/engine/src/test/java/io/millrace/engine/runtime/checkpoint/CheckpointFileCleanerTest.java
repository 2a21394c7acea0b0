package io.millrace.engine.runtime.checkpoint;

import static io.millrace.engine.runtime.checkpoint.CheckpointFiles.checkpoint;
import static io.millrace.engine.runtime.checkpoint.CheckpointFiles.sizeOf;
import static io.millrace.engine.runtime.checkpoint.CheckpointFiles.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.state.SnapshotType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileCleanerTest {

  private static final String JOB = "7d0c6a0e-1111-4222-8333-944445555666";

  @TempDir
  Path root;

  private FileCheckpointStore store;
  private CheckpointFileCleaner cleaner;

  // Three incremental checkpoints of one backend: 1 and 2 share sst 1, 2 and 3 share sst 3.
  private final TaskStateSnapshot one = checkpoint(1, List.of("shared/L/000001.sst", "shared/L/000002.sst",
      "checkpoints/" + JOB + "/1/counts-0/MANIFEST-000004"));
  private final TaskStateSnapshot two = checkpoint(2, List.of("shared/L/000001.sst", "shared/L/000003.sst",
      "checkpoints/" + JOB + "/2/counts-0/MANIFEST-000007"));
  private final TaskStateSnapshot three = checkpoint(3, List.of("shared/L/000003.sst", "shared/L/000004.sst",
      "checkpoints/" + JOB + "/3/counts-0/MANIFEST-000009"));

  @BeforeEach
  void storeWithThreeCheckpoints() throws Exception {
    store = new FileCheckpointStore(root);
    cleaner = new CheckpointFileCleaner(store);
    CheckpointFiles.write(store, List.of(one, two, three));
  }

  @Test
  void sharedFileIsKeptWhileReferencedAndDeletedWithItsLastReference() throws Exception {
    CheckpointFileCleaner.Result first = cleaner.discard(JOB, List.of(1L), List.of(one), List.of(two, three));

    assertThat(first.deletedPaths()).containsExactlyInAnyOrder("shared/L/000002.sst",
        "checkpoints/" + JOB + "/1/counts-0/MANIFEST-000004");
    assertThat(first.filesDeleted()).isEqualTo(2);
    assertThat(first.bytesDeleted()).isEqualTo(sizeOf("shared/L/000002.sst")
        + sizeOf("checkpoints/" + JOB + "/1/counts-0/MANIFEST-000004"));
    assertThat(store.exists("shared/L/000001.sst")).as("still referenced by checkpoint 2").isTrue();

    CheckpointFileCleaner.Result second = cleaner.discard(JOB, List.of(2L), List.of(two), List.of(three));

    assertThat(second.deletedPaths()).containsExactlyInAnyOrder("shared/L/000001.sst",
        "checkpoints/" + JOB + "/2/counts-0/MANIFEST-000007");
    assertThat(store.list("")).containsExactly("checkpoints/" + JOB + "/3/counts-0/MANIFEST-000009",
        "shared/L/000003.sst", "shared/L/000004.sst");
  }

  @Test
  void unlistedFilesInTheDiscardedCheckpointsOwnFolderGoToo() throws Exception {
    store.put("checkpoints/" + JOB + "/1/_metadata", new byte[5]);
    store.put("checkpoints/" + JOB + "/1/counts-1/leftover", new byte[5]);
    store.put("checkpoints/" + JOB + "/10/_metadata", new byte[5]);

    CheckpointFileCleaner.Result result = cleaner.discard(JOB, List.of(1L), List.of(one), List.of(two, three));

    assertThat(result.deletedPaths()).contains("checkpoints/" + JOB + "/1/_metadata",
        "checkpoints/" + JOB + "/1/counts-1/leftover");
    assertThat(store.list("checkpoints/" + JOB + "/1/")).isEmpty();
    assertThat(store.exists("checkpoints/" + JOB + "/10/_metadata")).as("checkpoint 10 is not checkpoint 1").isTrue();
  }

  @Test
  void savepointFilesAreUntouchedAndASavepointIsNeverDiscarded() throws Exception {
    // A savepoint copies every file under its own path, even files an incremental checkpoint has in shared/.
    TaskStateSnapshot savepoint = task(4, SnapshotType.SAVEPOINT, List.of("savepoints/" + JOB + "/4/counts-0/000001.sst",
        "savepoints/" + JOB + "/4/counts-0/MANIFEST-000004"));
    CheckpointFiles.write(store, List.of(savepoint));

    cleaner.discard(JOB, List.of(1L, 2L, 3L), List.of(one, two, three), List.of(savepoint));

    assertThat(store.list("")).containsExactly("savepoints/" + JOB + "/4/counts-0/000001.sst",
        "savepoints/" + JOB + "/4/counts-0/MANIFEST-000004");
    assertThatThrownBy(() -> cleaner.discard(JOB, List.of(4L), List.of(savepoint), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("checkpoint 4 is a savepoint");
    assertThat(store.list("savepoints/")).hasSize(2);
  }

  @Test
  void discardIsIdempotentAndMissingFilesAreFine() throws Exception {
    store.delete("shared/L/000002.sst");   // e.g. a discard that failed half-way

    CheckpointFileCleaner.Result first = cleaner.discard(JOB, List.of(1L), List.of(one), List.of(two, three));
    CheckpointFileCleaner.Result again = cleaner.discard(JOB, List.of(1L), List.of(one), List.of(two, three));

    assertThat(first.deletedPaths()).containsExactly("checkpoints/" + JOB + "/1/counts-0/MANIFEST-000004");
    assertThat(again.filesDeleted()).isZero();
    assertThat(again.bytesDeleted()).isZero();
    assertThat(store.list("")).hasSize(5);
  }

  @Test
  void taskStatesWithoutKeyedStateReferenceNothing() throws Exception {
    TaskStateSnapshot stateless = new TaskStateSnapshot(new TaskId("source", 0), 1, java.util.Map.of(), null);

    CheckpointFileCleaner.Result result = cleaner.discard(JOB, List.of(1L), List.of(stateless, one),
        List.of(stateless, two, three));

    assertThat(result.filesDeleted()).isEqualTo(2);
  }

  @Test
  void undecodableTaskStateIsNamed() {
    byte[] good = TaskStateSnapshotCodec.encode(one);
    assertThat(CheckpointFileCleaner.decodeAll(List.of(good), "retained")).containsExactly(one);
    assertThatThrownBy(() -> CheckpointFileCleaner.decodeAll(List.of(good, new byte[] {9, 9}), "retained_task_states"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("retained_task_states[1] cannot be decoded");
  }
}
