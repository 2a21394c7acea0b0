package io.millrace.engine.state.rocksdb;

import io.millrace.engine.state.StateDescriptor;
import io.millrace.engine.state.ValueState;
import io.millrace.engine.state.internal.Ttl;
import org.rocksdb.ColumnFamilyHandle;

final class RocksValueState<T> extends RocksState implements ValueState<T> {

  RocksValueState(RocksDbKeyedStateBackend backend, ColumnFamilyHandle family,
      StateDescriptor<?> descriptor, Ttl ttl) {
    super(backend, family, descriptor, ttl);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T value() {
    return (T) readSingle(key(backend.currentNamespace()));
  }

  @Override
  public void update(T value) {
    if (value == null) {
      clear();
    } else {
      writeSingle(key(backend.currentNamespace()), value);
    }
  }
}
