package io.millrace.engine.state.rocksdb;

import io.millrace.engine.state.KeyedBackendParameters;
import io.millrace.engine.state.KeyedStateBackend;
import io.millrace.engine.state.StateBackend;
import java.util.List;
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
    return new RocksDbKeyedStateBackend(parameters, options, blockCache, writeBufferManager);
  }

  /** The shared native objects (for leak tests). */
  List<RocksObject> nativeHandles() {
    return shared.all();
  }

  @Override
  public void close() {
    shared.close();
  }
}
