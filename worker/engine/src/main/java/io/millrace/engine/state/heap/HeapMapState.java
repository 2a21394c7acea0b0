package io.millrace.engine.state.heap;

import io.millrace.engine.serialization.ValueSerializer;
import io.millrace.engine.state.MapState;
import io.millrace.engine.state.internal.AbstractKeyedStateBackend;
import io.millrace.engine.state.internal.KeyBytes;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** User keys are held as serialized bytes (value equality for any key type). */
final class HeapMapState<K, V> extends HeapState implements MapState<K, V> {

  private final ValueSerializer<K> userKeySerializer;

  @SuppressWarnings("unchecked")
  HeapMapState(AbstractKeyedStateBackend backend, HeapStateTable table) {
    super(backend, table);
    this.userKeySerializer =
        (ValueSerializer<K>) table.descriptor.userKeySerializer().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private Map<KeyBytes, Object> entriesMap(boolean create) {
    Map<KeyBytes, Object> map = (Map<KeyBytes, Object>) stored();
    if (map == null && create) {
      map = new LinkedHashMap<>();
      store(map);
    }
    return map;
  }

  private KeyBytes userKey(K key) {
    return new KeyBytes(userKeySerializer.toBytes(key), key);
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(K key) {
    Map<KeyBytes, Object> map = entriesMap(false);
    if (map == null) {
      return null;
    }
    KeyBytes k = userKey(key);
    Object stored = map.get(k);
    Object value = table.ttl.unwrap(stored);
    if (stored != null && value == null) {
      remove(key);
    } else if (value != null && table.ttl.refreshOnRead()) {
      map.put(k, table.ttl.wrap(value));
    }
    return (V) value;
  }

  @Override
  public void put(K key, V value) {
    if (value == null) {
      remove(key);
      return;
    }
    entriesMap(true).put(userKey(key), table.ttl.wrap(value));
  }

  @Override
  public void putAll(Map<K, V> entries) {
    entries.forEach(this::put);
  }

  @Override
  public void remove(K key) {
    Map<KeyBytes, Object> map = entriesMap(false);
    if (map != null) {
      map.remove(userKey(key));
      if (map.isEmpty()) {
        clear();
      }
    }
  }

  @Override
  public boolean contains(K key) {
    return get(key) != null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<K, V> entries() {
    Map<KeyBytes, Object> map = entriesMap(false);
    Map<K, V> out = new LinkedHashMap<>();
    if (map == null) {
      return out;
    }
    Iterator<Map.Entry<KeyBytes, Object>> it = map.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<KeyBytes, Object> e = it.next();
      Object value = table.ttl.unwrap(e.getValue());
      if (value == null) {
        it.remove();
      } else {
        out.put((K) e.getKey().key(), (V) value);
        if (table.ttl.refreshOnRead()) {
          e.setValue(table.ttl.wrap(value));
        }
      }
    }
    if (map.isEmpty()) {
      clear();
    }
    return out;
  }

  @Override
  public boolean isEmpty() {
    return entries().isEmpty();
  }
}
