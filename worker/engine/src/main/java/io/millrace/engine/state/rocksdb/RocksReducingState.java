package io.millrace.engine.state.rocksdb;

import io.millrace.engine.state.ReducingState;
import io.millrace.engine.state.StateDescriptor;
import io.millrace.engine.state.internal.Ttl;
import java.util.Collection;
import java.util.function.BinaryOperator;
import org.rocksdb.ColumnFamilyHandle;

final class RocksReducingState<T> extends RocksState implements ReducingState<T> {

  private final BinaryOperator<T> reduce;

  @SuppressWarnings("unchecked")
  RocksReducingState(RocksDbKeyedStateBackend backend, ColumnFamilyHandle family,
      StateDescriptor<?> descriptor, Ttl ttl) {
    super(backend, family, descriptor, ttl);
    this.reduce = (BinaryOperator<T>) descriptor.reduceFunction().orElseThrow();
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get() {
    return (T) readSingle(key(backend.currentNamespace()));
  }

  @Override
  @SuppressWarnings("unchecked")
  public void add(T value) {
    byte[] rowKey = key(backend.currentNamespace());
    T current = (T) readSingle(rowKey);
    writeSingle(rowKey, current == null ? value : reduce.apply(current, value));
  }

  @Override
  @SuppressWarnings("unchecked")
  public void mergeNamespaces(long target, Collection<Long> sources) {
    T merged = null;
    for (long source : sources) {
      if (source == target) {
        continue;
      }
      byte[] rowKey = key(source);
      T v = (T) readSingle(rowKey);
      backend.delete(family, rowKey);
      if (v != null) {
        merged = merged == null ? v : reduce.apply(merged, v);
      }
    }
    if (merged != null) {
      byte[] targetKey = key(target);
      T current = (T) readSingle(targetKey);
      writeSingle(targetKey, current == null ? merged : reduce.apply(current, merged));
    }
  }
}
