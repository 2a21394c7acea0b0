package io.millrace.engine.runtime.checkpoint;

import io.millrace.engine.checkpoint.store.CheckpointStore;
import io.millrace.engine.state.KeyedStateHandle;
import io.millrace.engine.state.KeyedStateHandle.StateFile;
import io.millrace.engine.state.SnapshotType;
import io.millrace.spec.plan.KeyGroupRange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test helper: task states whose keyed handles reference given store paths, and those files in a store. */
final class CheckpointFiles {

  private CheckpointFiles() {}

  /** A task state of {@code checkpointId} referencing {@code paths} (shared when under {@code shared/}). */
  static TaskStateSnapshot task(long checkpointId, SnapshotType type, List<String> paths) {
    List<StateFile> files = new ArrayList<>();
    for (String path : paths) {
      files.add(new StateFile(path.substring(path.lastIndexOf('/') + 1), path, sizeOf(path), path.startsWith("shared/")));
    }
    KeyedStateHandle handle = new KeyedStateHandle("rocksdb", checkpointId, type, 128, new KeyGroupRange(0, 127),
        List.of(), files);
    return new TaskStateSnapshot(new TaskId("counts", 0), checkpointId, Map.of(), handle);
  }

  static TaskStateSnapshot checkpoint(long checkpointId, List<String> paths) {
    return task(checkpointId, SnapshotType.CHECKPOINT, paths);
  }

  /** Writes every path of the task states, with its recorded size. */
  static void write(CheckpointStore store, List<TaskStateSnapshot> tasks) throws IOException {
    for (TaskStateSnapshot task : tasks) {
      for (StateFile file : task.keyedState().files()) {
        store.put(file.storePath(), new byte[(int) file.size()]);
      }
    }
  }

  /** A size that differs per path, so byte counts check which files went. */
  static long sizeOf(String path) {
    return 10 + Math.floorMod(path.hashCode(), 50);
  }
}
