package io.millrace.engine.runtime.checkpoint;

import io.millrace.engine.state.KeyedStateHandle;
import io.millrace.engine.state.StateDrops;
import io.millrace.spec.plan.KeyGroupRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A checkpoint (or savepoint) every task acknowledged: the job can be restored from it, at the same
 * or another parallelism. Operator state is addressed by node id (DESIGN.md §8.1); keyed state by
 * the handles' key-group ranges.
 *
 * @param id checkpoint id (increasing per job)
 * @param savepoint true for a savepoint (self-contained keyed snapshots)
 * @param tasks every task's snapshot
 * @param dropped what a restore from this checkpoint must start empty (a restore option, never stored with
 *     the checkpoint: {@link #withDroppedState}); {@link StateDrops#none()} for a checkpoint as taken
 */
public record CompletedCheckpoint(long id, boolean savepoint, List<TaskStateSnapshot> tasks, StateDrops dropped) {

  public CompletedCheckpoint {
    tasks = tasks.stream()
        .sorted(Comparator.comparing((TaskStateSnapshot t) -> t.task().chain())
            .thenComparingInt(t -> t.task().subtask()))
        .toList();
    dropped = dropped == null ? StateDrops.none() : dropped;
  }

  /** A checkpoint as taken (nothing dropped). */
  public CompletedCheckpoint(long id, boolean savepoint, List<TaskStateSnapshot> tasks) {
    this(id, savepoint, tasks, StateDrops.none());
  }

  /**
   * This checkpoint as a restore that drops {@code drops} sees it (DESIGN.md §8.1, safe upgrades):
   * operator state of the dropped nodes is absent here, and keyed backends are handed {@link #dropped()}.
   */
  public CompletedCheckpoint withDroppedState(StateDrops drops) {
    return new CompletedCheckpoint(id, savepoint, tasks, drops);
  }

  /**
   * All operator-state entries of node {@code nodeId}, old subtasks in index order; none when the
   * restore drops the node's operator state.
   */
  public List<byte[]> operatorState(String nodeId) {
    List<byte[]> all = new ArrayList<>();
    if (dropped.dropsOperatorStateOf(nodeId)) {
      return all;
    }
    for (TaskStateSnapshot task : tasks) {
      all.addAll(task.operatorState().getOrDefault(nodeId, List.of()));
    }
    return all;
  }

  /** True if any old task held operator state of {@code nodeId}. */
  public boolean hasOperatorState(String nodeId) {
    return !dropped.dropsOperatorStateOf(nodeId)
        && tasks.stream().anyMatch(t -> t.operatorState().containsKey(nodeId));
  }

  /**
   * The keyed-state handles overlapping {@code range} that hold state of any of {@code nodeIds}
   * (a restored backend keeps only its own key groups of them).
   */
  public List<KeyedStateHandle> keyedState(KeyGroupRange range, List<String> nodeIds) {
    List<KeyedStateHandle> handles = new ArrayList<>();
    for (TaskStateSnapshot task : tasks) {
      KeyedStateHandle handle = task.keyedState();
      if (handle == null) {
        continue;
      }
      boolean overlaps = handle.keyGroups().start() <= range.end() && range.start() <= handle.keyGroups().end();
      boolean relevant = handle.states().isEmpty()
          || handle.states().stream().anyMatch(s -> nodeIds.contains(s.nodeId()));
      if (overlaps && relevant) {
        handles.add(handle);
      }
    }
    return handles;
  }

  /** Operator-state entry count per node (for logs and tests). */
  public Map<String, Integer> operatorStateSizes() {
    Map<String, Integer> sizes = new java.util.TreeMap<>();
    tasks.forEach(t -> t.operatorState().forEach((node, entries) -> sizes.merge(node, entries.size(), Integer::sum)));
    return sizes;
  }
}
