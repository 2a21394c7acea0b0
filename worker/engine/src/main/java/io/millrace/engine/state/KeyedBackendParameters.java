package io.millrace.engine.state;

import io.millrace.spec.plan.KeyGroupRange;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What a keyed backend needs to know about its task.
 *
 * @param taskId the subtask's id for logs and file names, e.g. {@code "counts#1"}
 * @param nodeIds the keyed vertices of the chain that may declare state (spec node ids)
 * @param keyGroups the key groups this subtask owns
 * @param maxParallelism the job's max parallelism (number of key groups)
 * @param workingDirectory a directory private to this backend (RocksDB files, local checkpoint
 *     staging); created if missing; the backend deletes what it creates on close
 * @param clock processing-time clock in epoch ms, used for TTL (tests pass a manual clock)
 */
public record KeyedBackendParameters(String taskId, List<String> nodeIds,
    KeyGroupRange keyGroups, int maxParallelism, Path workingDirectory, LongSupplier clock) {

  public KeyedBackendParameters {
    Objects.requireNonNull(taskId, "taskId");
    nodeIds = List.copyOf(nodeIds);
    Objects.requireNonNull(keyGroups, "keyGroups");
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    Objects.requireNonNull(clock, "clock");
    if (keyGroups.end() >= maxParallelism) {
      throw new IllegalArgumentException("key groups " + keyGroups
          + " exceed maxParallelism " + maxParallelism + " of task " + taskId);
    }
  }
}
