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
 *
 * <p>Why the in-memory bounds: fired timers are deleted, and until compaction their tombstones sit
 * at the front of the column family, so an iterator that seeks to the first key walks over all of
 * them — per watermark, that was most of a RocksDB window operator's time. So each domain keeps a
 * <em>lower bound</em> (no live timer is earlier: raised to {@code time + 1} once every timer up to
 * {@code time} fired, lowered by any earlier registration) and every scan seeks to it; within one
 * {@link #advanceTo} the next batch continues after the last fired key. The next timestamp is
 * cached (lowered by registrations, dropped by deletions and firing).
 */
final class RocksTimerService implements InternalTimerService {

  private static final byte[] EMPTY = new byte[0];
  private static final int BATCH = 256;

  private final RocksDbKeyedStateBackend backend;
  private final Map<TimeDomain, ColumnFamilyHandle> families = new EnumMap<>(TimeDomain.class);
  private final Map<TimeDomain, DomainState> domains = new EnumMap<>(TimeDomain.class);
  /** While firing: timers at or before this time invalidate the batch read ahead. */
  private long firingUpTo = Long.MIN_VALUE;
  private boolean firing;
  private boolean batchStale;
  /** While firing: a timer was registered, possibly before the last fired key (re-seek to the lower bound). */
  private boolean registeredWhileFiring;

  /** In-memory bookkeeping of one domain. */
  private static final class DomainState {
    long count;
    /** No live timer has a timestamp below this. */
    long lowerBound = Long.MAX_VALUE;
    /** The earliest live timestamp, valid when {@code nextKnown}. */
    long next = Long.MAX_VALUE;
    boolean nextKnown;
  }

  RocksTimerService(RocksDbKeyedStateBackend backend, Map<TimeDomain, ColumnFamilyHandle> families) {
    this.backend = backend;
    this.families.putAll(families);
    for (var e : families.entrySet()) {
      DomainState state = new DomainState();
      backend.scan(e.getValue(), null, null, (k, v) -> {
        if (state.count++ == 0) {
          state.lowerBound = RocksKeys.parseTimer(k).timestamp();
        }
        return true;
      });
      state.next = state.lowerBound;
      state.nextKnown = true;
      domains.put(e.getKey(), state);
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
      DomainState state = domains.get(domain);
      state.count++;
      state.lowerBound = Math.min(state.lowerBound, timestamp);
      if (state.nextKnown) {
        state.next = Math.min(state.next, timestamp);
      }
      if (firing && timestamp <= firingUpTo) {
        batchStale = true;
        registeredWhileFiring = true;
      }
    }
  }

  @Override
  public void deleteTimer(TimeDomain domain, long namespace, long timestamp) {
    byte[] k = timerKey(namespace, timestamp);
    ColumnFamilyHandle family = families.get(domain);
    if (backend.get(family, k) != null) {
      backend.delete(family, k);
      DomainState state = domains.get(domain);
      state.count--;
      if (timestamp <= state.next) {
        state.nextKnown = false;
      }
      if (firing) {
        batchStale = true;
      }
    }
  }

  /**
   * Reads due timers in batches (one iterator per batch, not per timer), each seeking past what
   * is known to be gone (see the class comment). A callback that registers a due timer or deletes
   * any timer makes the rest of the batch stale: it is re-read.
   */
  @Override
  public int advanceTo(TimeDomain domain, long time, TimerCallback callback) throws Exception {
    ColumnFamilyHandle family = families.get(domain);
    DomainState state = domains.get(domain);
    int fired = 0;
    boolean wasFiring = firing;
    long previousUpTo = firingUpTo;
    firing = true;
    firingUpTo = Math.max(firingUpTo, time);
    state.nextKnown = false;
    byte[] from = RocksKeys.timerSeek(state.lowerBound);
    try {
      while (true) {
        List<byte[]> batch = new ArrayList<>(BATCH);
        backend.scan(family, from, null, (k, v) -> {
          if (RocksKeys.parseTimer(k).timestamp() > time) {
            return false;
          }
          batch.add(k);
          return batch.size() < BATCH;
        });
        if (batch.isEmpty()) {
          // every timer up to `time` fired (also those registered meanwhile): none is left below
          state.lowerBound = Math.max(state.lowerBound, time == Long.MAX_VALUE ? time : time + 1);
          return fired;
        }
        batchStale = false;
        registeredWhileFiring = false;
        for (byte[] key : batch) {
          RocksKeys.TimerKey t = RocksKeys.parseTimer(key);
          backend.delete(family, key);
          state.count--;
          from = key; // deleted: the next seek lands on the key after it
          backend.setCurrentKey(t.keyObject(), t.keyGroup());
          backend.setCurrentNamespace(t.namespace());
          callback.onTimer(new Timer(t.keyObject(), t.namespace(), t.timestamp()));
          fired++;
          if (batchStale) {
            break;
          }
        }
        if (registeredWhileFiring) {
          from = RocksKeys.timerSeek(state.lowerBound); // the new timer may sort before the last fired one
        }
      }
    } finally {
      firing = wasFiring;
      firingUpTo = previousUpTo;
      state.nextKnown = false;
    }
  }

  @Override
  public long nextTimestamp(TimeDomain domain) {
    DomainState state = domains.get(domain);
    if (!state.nextKnown) {
      byte[][] first = {null};
      backend.scan(families.get(domain), RocksKeys.timerSeek(state.lowerBound), null, (k, v) -> {
        first[0] = k;
        return false;
      });
      state.next = first[0] == null ? Long.MAX_VALUE : RocksKeys.parseTimer(first[0]).timestamp();
      state.nextKnown = true;
    }
    return state.next;
  }

  @Override
  public long size(TimeDomain domain) {
    return domains.get(domain).count;
  }
}
