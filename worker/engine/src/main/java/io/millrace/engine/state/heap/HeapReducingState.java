package io.millrace.engine.state.heap;

import io.millrace.engine.state.ReducingState;
import io.millrace.engine.state.internal.AbstractKeyedStateBackend;
import java.util.Collection;
import java.util.function.BinaryOperator;

final class HeapReducingState<T> extends HeapState implements ReducingState<T> {

  private final BinaryOperator<T> reduce;

  @SuppressWarnings("unchecked")
  HeapReducingState(AbstractKeyedStateBackend backend, HeapStateTable table) {
    super(backend, table);
    this.reduce = (BinaryOperator<T>) table.descriptor.reduceFunction().orElseThrow();
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get() {
    return (T) liveValue(backend.currentNamespace());
  }

  @Override
  @SuppressWarnings("unchecked")
  public void add(T value) {
    T current = (T) table.ttl.unwrap(stored());
    store(table.ttl.wrap(current == null ? value : reduce.apply(current, value)));
  }

  @Override
  @SuppressWarnings("unchecked")
  public void mergeNamespaces(long target, Collection<Long> sources) {
    T merged = null;
    for (long source : sources) {
      if (source == target) {
        continue;
      }
      T v = (T) table.ttl.unwrap(stored(source));
      remove(source);
      if (v != null) {
        merged = merged == null ? v : reduce.apply(merged, v);
      }
    }
    if (merged != null) {
      T current = (T) table.ttl.unwrap(stored(target));
      store(target, table.ttl.wrap(current == null ? merged : reduce.apply(current, merged)));
    }
  }
}
