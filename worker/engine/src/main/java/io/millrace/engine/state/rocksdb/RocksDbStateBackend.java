package io.millrace.engine.state.rocksdb;

import io.millrace.engine.state.KeyedBackendParameters;
import io.millrace.engine.state.KeyedStateBackend;
import io.millrace.engine.state.StateBackend;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksObject;
import org.rocksdb.WriteBufferManager;

/**
 * Creates RocksDB keyed backends that share one block cache and one write-buffer manager (see
 * {@link RocksDbOptions}). Close it after every keyed backend it created.
 */
public final class RocksDbStateBackend implements StateBackend {

  public static final String KIND = "rocksdb";

  static {
    RocksDB.loadLibrary();
  }

  private final RocksDbOptions options;
  private final NativeHandles shared = new NativeHandles();
  private final Cache blockCache;
  private final WriteBufferManager writeBufferManager;
  /** Keyed backends not closed yet: closed first on close(), since they use the shared cache. */
  private final Set<RocksDbKeyedStateBackend> open = ConcurrentHashMap.newKeySet();

  public RocksDbStateBackend(RocksDbOptions options) {
    this.options = options;
    this.blockCache = shared.track(new LRUCache(options.blockCacheBytes()));
    this.writeBufferManager = shared.track(
        new WriteBufferManager(options.writeBufferManagerBytes(), blockCache));
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public KeyedStateBackend createKeyedStateBackend(KeyedBackendParameters parameters) {
    RocksDbKeyedStateBackend keyed = new RocksDbKeyedStateBackend(parameters, options, blockCache,
        writeBufferManager, open::remove);
    open.add(keyed);
    return keyed;
  }

  /** The shared native objects (for leak tests). */
  List<RocksObject> nativeHandles() {
    return shared.all();
  }

  @Override
  public void close() {
    // A database still using the cache when the cache is freed would crash the JVM, not throw.
    for (RocksDbKeyedStateBackend keyed : List.copyOf(open)) {
      keyed.close();
    }
    shared.close();
  }
}
