package io.millrace.engine.state.rocksdb;

import io.millrace.engine.state.InternalTimerService;
import io.millrace.engine.state.TimeDomain;
import io.millrace.engine.state.Timer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;

/**
 * Timers in one column family per domain, keyed timestamp first: the next timer is the first key.
 * Counts are kept in memory (recounted once when the service is created, e.g. after a restore).
 */
final class RocksTimerService implements InternalTimerService {

  private static final byte[] EMPTY = new byte[0];
  private static final int BATCH = 256;

  private final RocksDbKeyedStateBackend backend;
  private final Map<TimeDomain, ColumnFamilyHandle> families = new EnumMap<>(TimeDomain.class);
  private final Map<TimeDomain, long[]> counts = new EnumMap<>(TimeDomain.class);
  /** While firing: timers at or before this time invalidate the batch read ahead. */
  private long firingUpTo = Long.MIN_VALUE;
  private boolean firing;
  private boolean batchStale;

  RocksTimerService(RocksDbKeyedStateBackend backend, Map<TimeDomain, ColumnFamilyHandle> families) {
    this.backend = backend;
    this.families.putAll(families);
    for (var e : families.entrySet()) {
      long[] n = {0};
      backend.scan(e.getValue(), null, null, (k, v) -> {
        n[0]++;
        return true;
      });
      counts.put(e.getKey(), n);
    }
  }

  private byte[] timerKey(long namespace, long timestamp) {
    return backend.keys().timer(timestamp, backend.currentKeyGroup(),
        backend.currentKeyBytes().bytes(), namespace);
  }

  @Override
  public void registerTimer(TimeDomain domain, long namespace, long timestamp) {
    byte[] k = timerKey(namespace, timestamp);
    ColumnFamilyHandle family = families.get(domain);
    if (backend.get(family, k) == null) {
      backend.put(family, k, EMPTY);
      counts.get(domain)[0]++;
      if (firing && timestamp <= firingUpTo) {
        batchStale = true;
      }
    }
  }

  @Override
  public void deleteTimer(TimeDomain domain, long namespace, long timestamp) {
    byte[] k = timerKey(namespace, timestamp);
    ColumnFamilyHandle family = families.get(domain);
    if (backend.get(family, k) != null) {
      backend.delete(family, k);
      counts.get(domain)[0]--;
      if (firing) {
        batchStale = true;
      }
    }
  }

  /**
   * Reads due timers in batches (one iterator per batch, not per timer: iterating over the
   * tombstones of fired timers is what makes RocksDB timer queues slow). A callback that registers
   * a due timer or deletes any timer makes the rest of the batch stale: it is re-read.
   */
  @Override
  public int advanceTo(TimeDomain domain, long time, TimerCallback callback) throws Exception {
    ColumnFamilyHandle family = families.get(domain);
    int fired = 0;
    boolean wasFiring = firing;
    long previousUpTo = firingUpTo;
    firing = true;
    firingUpTo = Math.max(firingUpTo, time);
    try {
      while (true) {
        List<byte[]> batch = new ArrayList<>(BATCH);
        backend.scan(family, null, null, (k, v) -> {
          if (RocksKeys.parseTimer(k).timestamp() > time) {
            return false;
          }
          batch.add(k);
          return batch.size() < BATCH;
        });
        if (batch.isEmpty()) {
          return fired;
        }
        batchStale = false;
        for (byte[] key : batch) {
          RocksKeys.TimerKey t = RocksKeys.parseTimer(key);
          backend.delete(family, key);
          counts.get(domain)[0]--;
          backend.setCurrentKey(t.keyObject(), t.keyGroup());
          backend.setCurrentNamespace(t.namespace());
          callback.onTimer(new Timer(t.keyObject(), t.namespace(), t.timestamp()));
          fired++;
          if (batchStale) {
            break;
          }
        }
      }
    } finally {
      firing = wasFiring;
      firingUpTo = previousUpTo;
    }
  }

  @Override
  public long nextTimestamp(TimeDomain domain) {
    byte[] first = backend.firstKey(families.get(domain));
    return first == null ? Long.MAX_VALUE : RocksKeys.parseTimer(first).timestamp();
  }

  @Override
  public long size(TimeDomain domain) {
    return counts.get(domain)[0];
  }
}
