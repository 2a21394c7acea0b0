package io.millrace.engine.state;

import io.millrace.engine.checkpoint.store.CheckpointStore;
import io.millrace.spec.plan.KeyGroupRange;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keyed state of one task (parallel subtask). Confined to the task thread, except that the {@link
 * SnapshotTask} returned by {@link #snapshot} may run on another thread concurrently.
 *
 * <p>Typical use by an operator:
 *
 * <pre>{@code
 * ValueState<Long> count = backend.getState("counts", StateDescriptor.value("count", LONG));
 * // per record:
 * backend.setCurrentKey(record.key());
 * backend.setCurrentNamespace(windowId);
 * count.update(count.value() == null ? 1 : count.value() + 1);
 * }</pre>
 */
public interface KeyedStateBackend extends AutoCloseable {

  KeyGroupRange keyGroupRange();

  int maxParallelism();

  /**
   * Sets the key that state access, timer registration and deletion apply to, and computes its
   * key group with {@code KeyGroups.keyGroupFor}. A key outside this backend's key-group range is
   * a routing bug and throws {@link IllegalStateException}.
   */
  void setCurrentKey(Object key);

  /** Like {@link #setCurrentKey} when the caller already knows the key group (exchanges do). */
  void setCurrentKey(Object key, int keyGroup);

  Object currentKey();

  int currentKeyGroup();

  /** Sets the namespace (0 when unused; windows use their slice or window id). */
  void setCurrentNamespace(long namespace);

  long currentNamespace();

  /**
   * Returns the state declared by {@code descriptor} for node {@code nodeId}, creating it on first
   * use; repeated calls return an equivalent handle. A second declaration of the same name with a
   * different kind or serializer version throws {@link IllegalStateException}.
   */
  <S extends State> S getState(String nodeId, StateDescriptor<S> descriptor);

  /**
   * Calls {@code action} with every key that has a value in {@code namespace} for the state, in
   * key-group order. The keys are collected first, so {@code action} may set the current key and
   * read, update or clear state (windows fire per key). Expired TTL values do not count.
   */
  void forEachKey(String nodeId, StateDescriptor<?> descriptor, long namespace,
      Consumer<Object> action);

  /** The timers of node {@code nodeId} (created on first use, kept in this backend's state). */
  InternalTimerService timerService(String nodeId);

  /** The states declared so far, as they would be recorded in a snapshot. */
  List<StateMetaInfo> registeredStates();

  /**
   * Takes the synchronous part of a snapshot now (RocksDB: flush + native checkpoint; heap: a
   * serialized copy) and returns the upload to run asynchronously. Files go under {@code
   * checkpointPath} in {@code store} (and, for incremental checkpoints, under the store's shared
   * area). State changes made after this call returns are not in the snapshot.
   */
  SnapshotTask snapshot(long checkpointId, CheckpointStore store, String checkpointPath,
      SnapshotType type) throws Exception;

  /** A {@link SnapshotType#CHECKPOINT}. */
  default SnapshotTask snapshot(long checkpointId, CheckpointStore store, String checkpointPath)
      throws Exception {
    return snapshot(checkpointId, store, checkpointPath, SnapshotType.CHECKPOINT);
  }

  /**
   * Loads state from handles of earlier subtasks (one, or several after rescaling), keeping only
   * key groups in this backend's range. Must be called before any state access, at most once.
   * Handles from another backend kind are rejected with {@link IllegalArgumentException}.
   */
  default void restore(CheckpointStore store, List<KeyedStateHandle> handles) throws Exception {
    restore(store, handles, StateDrops.none());
  }

  /**
   * Like {@link #restore(CheckpointStore, List)}, without what {@code dropped} names (see {@link
   * StateDrops}): those states and timers start empty. Only the states of this backend's nodes ({@link
   * KeyedBackendParameters#nodeIds()}) are restored; others in the handles are left behind. A restored
   * state declared later with another kind, serializer version or layout fails {@link #getState} with a
   * message telling the user to drop it.
   */
  void restore(CheckpointStore store, List<KeyedStateHandle> handles, StateDrops dropped) throws Exception;

  /** Releases all resources (RocksDB native handles, working directory). Idempotent. */
  @Override
  void close();
}
