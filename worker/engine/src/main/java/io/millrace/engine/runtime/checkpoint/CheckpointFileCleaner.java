package io.millrace.engine.runtime.checkpoint;

import io.millrace.engine.checkpoint.store.CheckpointStore;
import io.millrace.engine.state.KeyedStateHandle;
import io.millrace.engine.state.KeyedStateHandle.StateFile;
import io.millrace.engine.state.SnapshotType;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Deletes the files of checkpoints that retention gave up, without ever touching a file a retained checkpoint or
 * savepoint still needs.
 *
 * <p>Why a reference check and not "delete the checkpoint's folder": incremental RocksDB checkpoints upload each SST
 * once under {@code shared/<lineage>/} and later checkpoints (of the same backend, or of a backend restored from one)
 * reference it again. So a stored path may be deleted only when no retained task state lists it. The caller (the
 * control plane, through a worker) passes the task states of the checkpoints to discard and of EVERY checkpoint and
 * savepoint still retained (of every job that may share files with them); anything listed by the second set is kept.
 *
 * <p>Besides the referenced files, each discarded checkpoint's own folder ({@code checkpoints/<job>/<id>/}, where
 * {@code Task} writes per-checkpoint files and {@link CompletedCheckpointCodec} its {@code _metadata}) is emptied —
 * that also removes files the task states do not list. Savepoints are never discarded here: they are retained until a
 * user deletes them, so a savepoint among the discarded states is refused.
 *
 * <p>Idempotent: a file that is already gone is skipped (a retried discard after a partial one finishes the job).
 * Thread-safe as long as the store is; it holds no state.
 */
public final class CheckpointFileCleaner {

  private static final System.Logger LOG = System.getLogger(CheckpointFileCleaner.class.getName());

  private final CheckpointStore store;

  public CheckpointFileCleaner(CheckpointStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * What one discard removed.
   *
   * @param filesDeleted files that existed and were deleted
   * @param bytesDeleted their size as the task states recorded it (files found only by listing a checkpoint's own
   *     folder count as files but add no bytes: the store interface has no cheap size lookup)
   * @param deletedPaths the deleted store paths, sorted
   */
  public record Result(int filesDeleted, long bytesDeleted, Set<String> deletedPaths) {
    public Result {
      deletedPaths = Set.copyOf(deletedPaths);
    }
  }

  /**
   * Deletes what only the discarded checkpoints reference, plus their own folders.
   *
   * @param jobId the job whose checkpoints these are (their folders are {@code checkpoints/<jobId>/<id>/})
   * @param checkpointIds the checkpoints to discard
   * @param discarded the task states of those checkpoints
   * @param retained the task states of every checkpoint and savepoint that stays
   * @throws IllegalArgumentException when a discarded task state belongs to a savepoint
   * @throws IOException when the store fails; files deleted before the failure stay deleted (a retry is safe)
   */
  public Result discard(String jobId, Collection<Long> checkpointIds, Collection<TaskStateSnapshot> discarded,
      Collection<TaskStateSnapshot> retained) throws IOException {
    Objects.requireNonNull(jobId, "jobId");
    Set<String> keep = referencedPaths(retained);
    Map<String, Long> candidates = new LinkedHashMap<>(deletablePaths(discarded, retained));
    for (long id : new TreeSet<>(checkpointIds)) {
      for (String path : store.list(checkpointFolder(jobId, id))) {
        if (!keep.contains(path)) {
          candidates.putIfAbsent(path, 0L);
        }
      }
    }
    int files = 0;
    long bytes = 0;
    Set<String> deleted = new TreeSet<>();
    for (Map.Entry<String, Long> candidate : candidates.entrySet()) {
      if (!store.exists(candidate.getKey())) {
        continue;
      }
      store.delete(candidate.getKey());
      files++;
      bytes += candidate.getValue();
      deleted.add(candidate.getKey());
    }
    LOG.log(Level.INFO, "job={0} checkpoints={1}: deleted {2} files ({3} bytes), {4} referenced paths kept", jobId,
        new TreeSet<>(checkpointIds), files, bytes, keep.size());
    return new Result(files, bytes, deleted);
  }

  /** The folder of checkpoint {@code id} of {@code jobId} in the store (a list prefix). */
  public static String checkpointFolder(String jobId, long id) {
    return "checkpoints/" + jobId + "/" + id + "/";
  }

  /**
   * Pure part: the stored paths (with their recorded sizes) referenced by a discarded task state and by no retained
   * one.
   *
   * @throws IllegalArgumentException when a discarded task state belongs to a savepoint
   */
  public static Map<String, Long> deletablePaths(Collection<TaskStateSnapshot> discarded,
      Collection<TaskStateSnapshot> retained) {
    Set<String> keep = referencedPaths(retained);
    Map<String, Long> deletable = new HashMap<>();
    for (TaskStateSnapshot task : discarded) {
      KeyedStateHandle handle = task.keyedState();
      if (handle == null) {
        continue;
      }
      if (handle.type() == SnapshotType.SAVEPOINT) {
        throw new IllegalArgumentException("task " + task.task() + " of checkpoint " + task.checkpointId()
            + " is a savepoint: savepoints are kept until deleted on purpose and are never discarded by retention");
      }
      for (StateFile file : handle.files()) {
        if (!keep.contains(file.storePath())) {
          deletable.putIfAbsent(file.storePath(), file.size());
        }
      }
    }
    return deletable;
  }

  private static Set<String> referencedPaths(Collection<TaskStateSnapshot> tasks) {
    Set<String> paths = new HashSet<>();
    for (TaskStateSnapshot task : tasks) {
      if (task.keyedState() != null) {
        for (StateFile file : task.keyedState().files()) {
          paths.add(file.storePath());
        }
      }
    }
    return paths;
  }

  /** Decodes task states (protocol bytes) for {@link #discard}; names the bad entry on failure. */
  public static List<TaskStateSnapshot> decodeAll(List<byte[]> taskStates, String what) {
    return java.util.stream.IntStream.range(0, taskStates.size()).mapToObj(i -> {
      try {
        return TaskStateSnapshotCodec.decode(taskStates.get(i));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(what + "[" + i + "] cannot be decoded: " + e.getMessage(), e);
      }
    }).toList();
  }
}
