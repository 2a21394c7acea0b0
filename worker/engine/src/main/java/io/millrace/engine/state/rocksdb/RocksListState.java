package io.millrace.engine.state.rocksdb;

import io.millrace.engine.serialization.BinaryWriter;
import io.millrace.engine.state.ListState;
import io.millrace.engine.state.StateDescriptor;
import io.millrace.engine.state.internal.StoredValues;
import io.millrace.engine.state.internal.Ttl;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;

/** Appends are RocksDB merges (string-append with an empty delimiter): no read on add. */
final class RocksListState<T> extends RocksState implements ListState<T> {

  RocksListState(RocksDbKeyedStateBackend backend, ColumnFamilyHandle family,
      StateDescriptor<?> descriptor, Ttl ttl) {
    super(backend, family, descriptor, ttl);
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<T> get() {
    byte[] rowKey = key(backend.currentNamespace());
    byte[] raw = backend.get(family, rowKey);
    if (raw == null) {
      return List.of();
    }
    List<Object> stored = StoredValues.readElements(serializer, ttl.enabled(), raw);
    List<T> out = new ArrayList<>(stored.size());
    for (Object element : stored) {
      Object value = ttl.unwrap(element);
      if (value != null) {
        out.add((T) value);
      }
    }
    if (out.isEmpty()) {
      backend.delete(family, rowKey);
    } else if (out.size() != stored.size() || ttl.refreshOnRead()) {
      backend.put(family, rowKey, encode(out));
    }
    return out;
  }

  private byte[] encode(List<?> values) {
    BinaryWriter w = new BinaryWriter(64);
    for (Object v : values) {
      if (v == null) {
        throw new IllegalArgumentException("list state does not store null elements");
      }
      StoredValues.writeElement(serializer, ttl.enabled(), ttl.wrap(v), w);
    }
    return w.toByteArray();
  }

  @Override
  public void add(T value) {
    backend.merge(family, key(backend.currentNamespace()), encode(List.of(value)));
  }

  @Override
  public void addAll(List<T> values) {
    if (!values.isEmpty()) {
      backend.merge(family, key(backend.currentNamespace()), encode(values));
    }
  }

  @Override
  public void update(List<T> values) {
    if (values.isEmpty()) {
      clear();
    } else {
      backend.put(family, key(backend.currentNamespace()), encode(values));
    }
  }
}
