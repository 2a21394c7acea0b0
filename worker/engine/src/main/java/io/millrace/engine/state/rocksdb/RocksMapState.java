package io.millrace.engine.state.rocksdb;

import io.millrace.engine.serialization.BinaryReader;
import io.millrace.engine.serialization.ValueSerializer;
import io.millrace.engine.state.MapState;
import io.millrace.engine.state.StateDescriptor;
import io.millrace.engine.state.internal.StoredValues;
import io.millrace.engine.state.internal.Ttl;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;

/** One row per entry; the entries of a key and namespace are a contiguous key range. */
final class RocksMapState<K, V> extends RocksState implements MapState<K, V> {

  private final ValueSerializer<K> userKeySerializer;

  @SuppressWarnings("unchecked")
  RocksMapState(RocksDbKeyedStateBackend backend, ColumnFamilyHandle family,
      StateDescriptor<?> descriptor, Ttl ttl) {
    super(backend, family, descriptor, ttl);
    this.userKeySerializer = (ValueSerializer<K>) descriptor.userKeySerializer().orElseThrow();
  }

  private byte[] entryKey(K userKey) {
    return backend.keys().mapEntry(backend.currentKeyGroup(),
        backend.currentKeyBytes().bytes(), backend.currentNamespace(),
        userKeySerializer.toBytes(userKey));
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(K userKey) {
    return (V) readSingle(entryKey(userKey));
  }

  @Override
  public void put(K userKey, V value) {
    if (value == null) {
      remove(userKey);
    } else {
      writeSingle(entryKey(userKey), value);
    }
  }

  @Override
  public void putAll(Map<K, V> entries) {
    entries.forEach(this::put);
  }

  @Override
  public void remove(K userKey) {
    backend.delete(family, entryKey(userKey));
  }

  @Override
  public boolean contains(K userKey) {
    return get(userKey) != null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<K, V> entries() {
    byte[] prefix = key(backend.currentNamespace());
    Map<K, V> out = new LinkedHashMap<>();
    backend.scan(family, prefix, RocksKeys.prefixEnd(prefix), (rowKey, raw) -> {
      Object value = ttl.unwrap(StoredValues.fromBytes(serializer, ttl.enabled(), raw));
      if (value == null) {
        backend.delete(family, rowKey);
        return true;
      }
      K userKey = userKeySerializer.deserialize(
          new BinaryReader(rowKey, prefix.length, rowKey.length - prefix.length));
      out.put(userKey, (V) value);
      if (ttl.refreshOnRead()) {
        writeSingle(rowKey, value);
      }
      return true;
    });
    return out;
  }

  @Override
  public boolean isEmpty() {
    return entries().isEmpty();
  }

  @Override
  public void clear() {
    byte[] prefix = key(backend.currentNamespace());
    backend.deleteRange(family, prefix, RocksKeys.prefixEnd(prefix));
  }
}
