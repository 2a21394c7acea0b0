package io.millrace.engine.state.heap;

import io.millrace.engine.state.ValueState;
import io.millrace.engine.state.internal.AbstractKeyedStateBackend;

final class HeapValueState<T> extends HeapState implements ValueState<T> {

  HeapValueState(AbstractKeyedStateBackend backend, HeapStateTable table) {
    super(backend, table);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T value() {
    return (T) liveValue(backend.currentNamespace());
  }

  @Override
  public void update(T value) {
    if (value == null) {
      clear();
    } else {
      store(table.ttl.wrap(value));
    }
  }
}
