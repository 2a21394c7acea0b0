package io.millrace.engine.state.heap;

import io.millrace.engine.state.ListState;
import io.millrace.engine.state.internal.AbstractKeyedStateBackend;
import java.util.ArrayList;
import java.util.List;

/** Elements stored as an ArrayList; with TTL each element carries its own expiry. */
final class HeapListState<T> extends HeapState implements ListState<T> {

  HeapListState(AbstractKeyedStateBackend backend, HeapStateTable table) {
    super(backend, table);
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<T> get() {
    List<Object> stored = (List<Object>) stored();
    if (stored == null) {
      return List.of();
    }
    List<T> out = new ArrayList<>(stored.size());
    List<Object> live = new ArrayList<>(stored.size());
    for (Object element : stored) {
      Object value = table.ttl.unwrap(element);
      if (value != null) {
        out.add((T) value);
        live.add(table.ttl.refreshOnRead() ? table.ttl.wrap(value) : element);
      }
    }
    if (live.isEmpty()) {
      clear();
    } else if (live.size() != stored.size() || table.ttl.refreshOnRead()) {
      store(live);
    }
    return out;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void add(T value) {
    if (value == null) {
      throw new IllegalArgumentException("list state does not store null elements");
    }
    List<Object> stored = (List<Object>) stored();
    if (stored == null) {
      stored = new ArrayList<>(4);
      store(stored);
    }
    stored.add(table.ttl.wrap(value));
  }

  @Override
  public void addAll(List<T> values) {
    for (T v : values) {
      add(v);
    }
  }

  @Override
  public void update(List<T> values) {
    clear();
    addAll(values);
  }
}
