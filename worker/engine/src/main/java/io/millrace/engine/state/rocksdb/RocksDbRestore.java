package io.millrace.engine.state.rocksdb;

import io.millrace.engine.checkpoint.store.CheckpointStore;
import io.millrace.engine.state.KeyedStateHandle;
import io.millrace.engine.state.KeyedStateHandle.StateFile;
import io.millrace.spec.plan.KeyGroupRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Restores a RocksDB backend from the handles of one or more old subtasks.
 *
 * <p>The handle overlapping our key groups most becomes the base: its files are downloaded and
 * opened as our database, then foreign key groups are removed with {@code deleteRange} (state) or
 * a scan (timers, which are keyed timestamp first). Each further handle is opened read-only and
 * only the rows of our key groups are copied in.
 */
final class RocksDbRestore {

  private static final int BATCH_ROWS = 1000;

  private final RocksDbKeyedStateBackend backend;
  private final CheckpointStore store;
  private final KeyGroupRange range;
  private final int maxParallelism;

  RocksDbRestore(RocksDbKeyedStateBackend backend, CheckpointStore store) {
    this.backend = backend;
    this.store = store;
    this.range = backend.keyGroupRange();
    this.maxParallelism = backend.maxParallelism();
  }

  void restore(List<KeyedStateHandle> handles) throws Exception {
    List<KeyedStateHandle> overlapping = new ArrayList<>();
    for (KeyedStateHandle h : handles) {
      if (overlap(h.keyGroups()) > 0) {
        overlapping.add(h);
      }
    }
    if (overlapping.isEmpty()) {
      return;
    }
    overlapping.sort(Comparator.comparingInt((KeyedStateHandle h) -> overlap(h.keyGroups()))
        .reversed());
    KeyedStateHandle base = overlapping.get(0);
    Path baseDir = download(base, "restore-base");
    backend.openRestored(baseDir, base.files());
    RocksDbInstance db = backend.openedInstance();
    dropNotRestored(db);
    if (!contains(range, base.keyGroups())) {
      trimToRange(db);
    }
    for (int i = 1; i < overlapping.size(); i++) {
      copyRange(overlapping.get(i), db, i);
    }
  }

  private int overlap(KeyGroupRange other) {
    int from = Math.max(range.start(), other.start());
    int to = Math.min(range.end(), other.end());
    return Math.max(0, to - from + 1);
  }

  private static boolean contains(KeyGroupRange outer, KeyGroupRange inner) {
    return outer.start() <= inner.start() && inner.end() <= outer.end();
  }

  private Path download(KeyedStateHandle handle, String dirName) throws Exception {
    Path dir = backend.workingDirectory().resolve(dirName);
    IncrementalUploader.deleteRecursively(dir);
    Files.createDirectories(dir);
    for (StateFile f : handle.files()) {
      store.getFile(f.storePath(), dir.resolve(f.name()));
    }
    return dir;
  }

  /** Drops the column families of dropped states, dropped nodes' timers and nodes this task does not run. */
  private void dropNotRestored(RocksDbInstance db) throws RocksDBException {
    for (String name : db.userFamilies().keySet()) {
      if (!backend.restoresFamily(name)) {
        db.dropFamily(name);
      }
    }
  }

  private void trimToRange(RocksDbInstance db) throws RocksDBException {
    for (Map.Entry<String, ColumnFamilyHandle> e : db.userFamilies().entrySet()) {
      ColumnFamilyHandle family = e.getValue();
      if (e.getKey().startsWith(RocksDbKeyedStateBackend.STATE_PREFIX)) {
        if (range.start() > 0) {
          db.db.deleteRange(family, RocksKeys.groupStart(0), RocksKeys.groupStart(range.start()));
        }
        if (range.end() + 1 < maxParallelism) {
          db.db.deleteRange(family, RocksKeys.groupStart(range.end() + 1),
              RocksKeys.groupStart(maxParallelism));
        }
      } else {
        List<byte[]> foreign = new ArrayList<>();
        RocksDbKeyedStateBackend.scanOther(db, family, null, null, (k, v) -> {
          if (!range.contains(RocksKeys.parseTimer(k).keyGroup())) {
            foreign.add(k);
          }
          return true;
        });
        try (WriteBatch batch = new WriteBatch()) {
          for (byte[] k : foreign) {
            batch.delete(family, k);
          }
          backend.writeBatch(batch);
        }
      }
    }
  }

  private void copyRange(KeyedStateHandle handle, RocksDbInstance target, int index)
      throws Exception {
    Path dir = download(handle, "restore-" + index);
    RocksDbInstance source = backend.openReadOnly(dir);
    try {
      for (Map.Entry<String, ColumnFamilyHandle> e : source.userFamilies().entrySet()) {
        if (!backend.restoresFamily(e.getKey())) {
          continue;
        }
        ColumnFamilyHandle into = target.family(e.getKey());
        boolean state = e.getKey().startsWith(RocksDbKeyedStateBackend.STATE_PREFIX);
        byte[] from = state ? RocksKeys.groupStart(range.start()) : null;
        byte[] to = state ? RocksKeys.groupStart(range.end() + 1) : null;
        List<byte[][]> rows = new ArrayList<>();
        RocksDbKeyedStateBackend.scanOther(source, e.getValue(), from, to, (k, v) -> {
          if (state || range.contains(RocksKeys.parseTimer(k).keyGroup())) {
            rows.add(new byte[][] {k, v});
          }
          if (rows.size() >= BATCH_ROWS) {
            flush(into, rows);
          }
          return true;
        });
        flush(into, rows);
      }
    } finally {
      source.close();
      IncrementalUploader.deleteRecursively(dir);
    }
  }

  private void flush(ColumnFamilyHandle into, List<byte[][]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    try (WriteBatch batch = new WriteBatch()) {
      for (byte[][] row : rows) {
        batch.put(into, row[0], row[1]);
      }
      backend.writeBatch(batch);
    } catch (RocksDBException e) {
      throw new RocksDbStateException("restore copy failed", e);
    }
    rows.clear();
  }
}
