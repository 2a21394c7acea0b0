package io.millrace.engine.state.heap;

import io.millrace.engine.state.State;
import io.millrace.engine.state.internal.AbstractKeyedStateBackend;
import io.millrace.engine.state.internal.KeyBytes;

/** Common access to the current key's entry of one heap state table. */
abstract class HeapState implements State {

  final AbstractKeyedStateBackend backend;
  final HeapStateTable table;

  HeapState(AbstractKeyedStateBackend backend, HeapStateTable table) {
    this.backend = backend;
    this.table = table;
  }

  Object stored() {
    return stored(backend.currentNamespace());
  }

  Object stored(long namespace) {
    KeyBytes key = backend.currentKeyBytes();
    return table.get(backend.currentKeyGroup(), key, namespace);
  }

  void store(Object stored) {
    store(backend.currentNamespace(), stored);
  }

  void store(long namespace, Object stored) {
    KeyBytes key = backend.currentKeyBytes();
    table.put(backend.currentKeyGroup(), key, namespace, stored);
  }

  void remove(long namespace) {
    KeyBytes key = backend.currentKeyBytes();
    table.remove(backend.currentKeyGroup(), key, namespace);
  }

  /**
   * The user value of a single-valued entry; expired entries are removed and read as null, and
   * with on-read-and-write TTL a returned value gets a fresh expiry.
   */
  Object liveValue(long namespace) {
    Object stored = stored(namespace);
    if (stored == null) {
      return null;
    }
    Object value = table.ttl.unwrap(stored);
    if (value == null) {
      remove(namespace);
    } else if (table.ttl.refreshOnRead()) {
      store(namespace, table.ttl.wrap(value));
    }
    return value;
  }

  @Override
  public void clear() {
    remove(backend.currentNamespace());
  }
}
