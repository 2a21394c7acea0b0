package io.millrace.engine.state.heap;

import io.millrace.engine.state.AggregateFunction;
import io.millrace.engine.state.AggregatingState;
import io.millrace.engine.state.internal.AbstractKeyedStateBackend;
import java.util.Collection;

final class HeapAggregatingState<IN, ACC, OUT> extends HeapState
    implements AggregatingState<IN, OUT> {

  private final AggregateFunction<IN, ACC, OUT> function;

  @SuppressWarnings("unchecked")
  HeapAggregatingState(AbstractKeyedStateBackend backend, HeapStateTable table) {
    super(backend, table);
    this.function =
        (AggregateFunction<IN, ACC, OUT>) table.descriptor.aggregateFunction().orElseThrow();
  }

  @Override
  @SuppressWarnings("unchecked")
  public OUT get() {
    ACC acc = (ACC) liveValue(backend.currentNamespace());
    return acc == null ? null : function.getResult(acc);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void add(IN value) {
    ACC acc = (ACC) table.ttl.unwrap(stored());
    if (acc == null) {
      acc = function.createAccumulator();
    }
    store(table.ttl.wrap(function.add(value, acc)));
  }

  @Override
  @SuppressWarnings("unchecked")
  public void mergeNamespaces(long target, Collection<Long> sources) {
    ACC merged = null;
    for (long source : sources) {
      if (source == target) {
        continue;
      }
      ACC acc = (ACC) table.ttl.unwrap(stored(source));
      remove(source);
      if (acc != null) {
        merged = merged == null ? acc : function.merge(merged, acc);
      }
    }
    if (merged != null) {
      ACC current = (ACC) table.ttl.unwrap(stored(target));
      store(target, table.ttl.wrap(current == null ? merged : function.merge(current, merged)));
    }
  }
}
