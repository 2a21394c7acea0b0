package io.millrace.engine.state.heap;

import io.millrace.engine.state.InternalTimerService;
import io.millrace.engine.state.TimeDomain;
import io.millrace.engine.state.Timer;
import io.millrace.engine.state.internal.AbstractKeyedStateBackend;
import io.millrace.engine.state.internal.KeyBytes;
import io.millrace.engine.state.internal.TimerEntry;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/** Timers of one node in sorted sets (one per domain): O(log n) register, delete and poll. */
final class HeapTimerService implements InternalTimerService {

  private final AbstractKeyedStateBackend backend;
  private final Map<TimeDomain, NavigableSet<TimerEntry>> timers = new EnumMap<>(TimeDomain.class);

  HeapTimerService(AbstractKeyedStateBackend backend) {
    this.backend = backend;
    for (TimeDomain d : TimeDomain.values()) {
      timers.put(d, new TreeSet<>());
    }
  }

  NavigableSet<TimerEntry> timers(TimeDomain domain) {
    return timers.get(domain);
  }

  @Override
  public void registerTimer(TimeDomain domain, long namespace, long timestamp) {
    KeyBytes key = backend.currentKeyBytes();
    timers.get(domain).add(new TimerEntry(timestamp, backend.currentKeyGroup(), key, namespace));
  }

  @Override
  public void deleteTimer(TimeDomain domain, long namespace, long timestamp) {
    KeyBytes key = backend.currentKeyBytes();
    timers.get(domain).remove(new TimerEntry(timestamp, backend.currentKeyGroup(), key,
        namespace));
  }

  @Override
  public int advanceTo(TimeDomain domain, long time, TimerCallback callback) throws Exception {
    NavigableSet<TimerEntry> set = timers.get(domain);
    int fired = 0;
    while (!set.isEmpty() && set.first().timestamp() <= time) {
      TimerEntry t = set.pollFirst();
      backend.setCurrentKey(t.key().key(), t.keyGroup());
      backend.setCurrentNamespace(t.namespace());
      callback.onTimer(new Timer(t.key().key(), t.namespace(), t.timestamp()));
      fired++;
    }
    return fired;
  }

  @Override
  public long nextTimestamp(TimeDomain domain) {
    NavigableSet<TimerEntry> set = timers.get(domain);
    return set.isEmpty() ? Long.MAX_VALUE : set.first().timestamp();
  }

  @Override
  public long size(TimeDomain domain) {
    return timers.get(domain).size();
  }
}
