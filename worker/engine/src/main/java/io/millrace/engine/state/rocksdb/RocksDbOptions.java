package io.millrace.engine.state.rocksdb;

/**
 * Memory and tuning of the RocksDB backend. Memory is bounded per {@link RocksDbStateBackend}
 * (per worker), not per task: all keyed backends share one block cache, and memtables are charged
 * to that cache through one write-buffer manager, so total RocksDB memory stays near {@code
 * blockCacheBytes} however many tasks and states run.
 *
 * @param blockCacheBytes shared LRU block cache (data, index and filter blocks, and memtables
 *     through the write-buffer manager); default 256 MiB
 * @param writeBufferManagerBytes upper bound of all memtables of all tasks, charged to the block
 *     cache; default 64 MiB
 * @param writeBufferBytes memtable size per column family before it is flushed; default 8 MiB
 * @param maxWriteBuffers memtables per column family (one active, the rest flushing); default 2
 * @param blockSizeBytes SST data block size; default 16 KiB (bigger: less index memory, slower
 *     point reads)
 * @param maxBackgroundJobs flush and compaction threads per RocksDB instance; default 2
 */
public record RocksDbOptions(long blockCacheBytes, long writeBufferManagerBytes,
    long writeBufferBytes, int maxWriteBuffers, long blockSizeBytes, int maxBackgroundJobs) {

  public RocksDbOptions {
    if (blockCacheBytes <= 0 || writeBufferManagerBytes <= 0 || writeBufferBytes <= 0
        || maxWriteBuffers < 1 || blockSizeBytes <= 0 || maxBackgroundJobs < 1) {
      throw new IllegalArgumentException("RocksDB options must be positive: " + this);
    }
    if (writeBufferManagerBytes > blockCacheBytes) {
      throw new IllegalArgumentException("writeBufferManagerBytes (" + writeBufferManagerBytes
          + ") is charged to the block cache and must not exceed blockCacheBytes ("
          + blockCacheBytes + ")");
    }
  }

  public static RocksDbOptions defaults() {
    return new RocksDbOptions(256L << 20, 64L << 20, 8L << 20, 2, 16L << 10, 2);
  }

  /** Small settings for tests (many short-lived instances). */
  public static RocksDbOptions small() {
    return new RocksDbOptions(16L << 20, 8L << 20, 1L << 20, 2, 4L << 10, 1);
  }
}
