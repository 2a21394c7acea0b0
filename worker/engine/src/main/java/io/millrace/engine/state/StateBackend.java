package io.millrace.engine.state;

/**
 * Factory of keyed state backends, one per keyed task (parallel subtask of a chain with keyed
 * vertices). Implementations: {@code heap.HeapStateBackend} (tests, tiny jobs) and {@code
 * rocksdb.RocksDbStateBackend}. A {@code StateBackend} may hold process-wide resources shared by
 * all its keyed backends (RocksDB: block cache and write-buffer manager) and must be closed after
 * them.
 */
public interface StateBackend extends AutoCloseable {

  /** Short name recorded in snapshot handles ({@code "heap"}, {@code "rocksdb"}). */
  String kind();

  /** Creates an empty keyed backend; call {@code restore} before first use to load state. */
  KeyedStateBackend createKeyedStateBackend(KeyedBackendParameters parameters);

  /** Releases shared resources. Every keyed backend created by this one must be closed first. */
  @Override
  void close();
}
