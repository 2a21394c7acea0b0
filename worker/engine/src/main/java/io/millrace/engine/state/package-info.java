/**
 * Keyed state: the {@link io.millrace.engine.state.StateBackend} SPI and its heap ({@code heap})
 * and RocksDB ({@code rocksdb}) implementations.
 *
 * <p>Model (DESIGN.md §4, §8): state belongs to a keyed operator (a plan vertex, identified by its
 * node id) and is declared with a {@link io.millrace.engine.state.StateDescriptor} (name, {@link
 * io.millrace.engine.state.StateKind}, serializers, optional TTL). It is scoped to the backend's
 * current key (set with {@code setCurrentKey}, which also computes the key group with {@code
 * io.millrace.spec.plan.KeyGroups}) and current {@code long} namespace (0 when unused; windows use
 * their slice/window id). Timers (key, namespace, timestamp) live in the same backend and are
 * snapshotted with it.
 *
 * <p>Snapshots are split in a short synchronous part (in {@code snapshot(...)}) and an upload
 * ({@link io.millrace.engine.state.SnapshotTask}) the runtime runs off the task thread. Restore
 * accepts the handles of several old subtasks and keeps only the key groups of the new range, so
 * rescaling is a restore with different handles.
 *
 * <p>Threading: a keyed backend is confined to its task thread, except {@code SnapshotTask.run()}
 * which may run concurrently with further processing.
 *
 * <p>Owned by the engine-state work stream.
 */
package io.millrace.engine.state;
