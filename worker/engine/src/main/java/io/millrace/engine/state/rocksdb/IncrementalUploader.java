package io.millrace.engine.state.rocksdb;

import io.millrace.engine.checkpoint.store.CheckpointStore;
import io.millrace.engine.state.KeyedStateHandle.StateFile;
import io.millrace.engine.state.SnapshotType;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Uploads a native RocksDB checkpoint directory to a checkpoint store.
 *
 * <p>Checkpoints are incremental: SST files are immutable and their names are unique within one
 * database lineage, so an SST uploaded once (under {@code shared/<lineage>/<name>}) is referenced
 * again by later checkpoints instead of uploaded; only new SSTs and the small per-checkpoint files
 * (MANIFEST, CURRENT, OPTIONS) are written. "Already uploaded" is known from earlier uploads of
 * this backend and from the handle it was restored from (name and size must match), with a store
 * existence check as a fallback. Savepoints copy every file under their own path.
 */
final class IncrementalUploader {

  private static final System.Logger LOG = System.getLogger(IncrementalUploader.class.getName());

  private final String taskId;
  /** A fresh id per backend instance: SST names restart at 1 in every new database. */
  private final String lineage = UUID.randomUUID().toString();
  /** name + ":" + size → the shared file it was uploaded as. */
  private final Map<String, StateFile> shared = new ConcurrentHashMap<>();

  IncrementalUploader(String taskId) {
    this.taskId = taskId;
  }

  /** Remembers the shared files of a restored handle so they are not uploaded again. */
  void knowRestored(List<StateFile> files) {
    for (StateFile f : files) {
      if (f.shared()) {
        shared.put(f.name() + ":" + f.size(), f);
      }
    }
  }

  /** Uploads the checkpoint directory and returns the files it consists of. */
  List<StateFile> upload(long checkpointId, Path localCheckpoint, CheckpointStore store,
      String checkpointPath, SnapshotType type) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(localCheckpoint)) {
      files = list.filter(Files::isRegularFile).sorted().toList();
    }
    List<StateFile> out = new ArrayList<>(files.size());
    int uploaded = 0;
    long uploadedBytes = 0;
    for (Path file : files) {
      String name = file.getFileName().toString();
      long size = Files.size(file);
      if (type == SnapshotType.CHECKPOINT && name.endsWith(".sst")) {
        String id = name + ":" + size;
        StateFile known = shared.get(id);
        if (known == null) {
          String storePath = "shared/" + lineage + "/" + name;
          if (!store.exists(storePath)) {
            store.putFile(storePath, file);
            uploaded++;
            uploadedBytes += size;
          }
          known = new StateFile(name, storePath, size, true);
          shared.put(id, known);
        }
        out.add(known);
      } else {
        String storePath = checkpointPath + "/" + name;
        store.putFile(storePath, file);
        uploaded++;
        uploadedBytes += size;
        out.add(new StateFile(name, storePath, size, false));
      }
    }
    LOG.log(Level.INFO, "{0} {1} {2} of task {3}: uploaded {4} of {5} files ({6} bytes)",
        type == SnapshotType.CHECKPOINT ? "checkpoint" : "savepoint", checkpointId,
        checkpointPath, taskId, uploaded, files.size(), uploadedBytes);
    return out;
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
