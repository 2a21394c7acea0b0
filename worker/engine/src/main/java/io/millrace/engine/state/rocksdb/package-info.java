/**
 * The RocksDB state backend (rocksdbjni). One RocksDB instance per keyed task, one column family
 * per declared state ({@code s|nodeId|name}) and per timer set ({@code t|nodeId|DOMAIN}).
 *
 * <p>State keys are {@code keyGroup:2 | key | namespace:8 [| user map key]}, so a key-group range
 * is a contiguous key range (restores after rescaling drop foreign groups with {@code deleteRange}).
 * Timer keys are {@code timestamp:8 | keyGroup:2 | key | namespace:8} (timestamp first, so the
 * next timer is the first key). Numbers are big-endian with the sign bit flipped, so byte order is
 * numeric order. Keys are serialized deterministically and self-delimiting.
 *
 * <p>Snapshots are native RocksDB checkpoints (hard links, after a flush) uploaded incrementally
 * by {@link io.millrace.engine.state.rocksdb.IncrementalUploader}. Every native object is tracked
 * by {@link io.millrace.engine.state.rocksdb.NativeHandles} and closed in reverse order.
 */
package io.millrace.engine.state.rocksdb;
