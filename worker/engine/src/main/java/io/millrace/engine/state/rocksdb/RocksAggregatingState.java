package io.millrace.engine.state.rocksdb;

import io.millrace.engine.state.AggregateFunction;
import io.millrace.engine.state.AggregatingState;
import io.millrace.engine.state.StateDescriptor;
import io.millrace.engine.state.internal.Ttl;
import java.util.Collection;
import org.rocksdb.ColumnFamilyHandle;

final class RocksAggregatingState<IN, ACC, OUT> extends RocksState
    implements AggregatingState<IN, OUT> {

  private final AggregateFunction<IN, ACC, OUT> function;

  @SuppressWarnings("unchecked")
  RocksAggregatingState(RocksDbKeyedStateBackend backend, ColumnFamilyHandle family,
      StateDescriptor<?> descriptor, Ttl ttl) {
    super(backend, family, descriptor, ttl);
    this.function = (AggregateFunction<IN, ACC, OUT>) descriptor.aggregateFunction().orElseThrow();
  }

  @Override
  @SuppressWarnings("unchecked")
  public OUT get() {
    ACC acc = (ACC) readSingle(key(backend.currentNamespace()));
    return acc == null ? null : function.getResult(acc);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void add(IN value) {
    byte[] rowKey = key(backend.currentNamespace());
    ACC acc = (ACC) readSingle(rowKey);
    writeSingle(rowKey, function.add(value, acc == null ? function.createAccumulator() : acc));
  }

  @Override
  @SuppressWarnings("unchecked")
  public void mergeNamespaces(long target, Collection<Long> sources) {
    ACC merged = null;
    for (long source : sources) {
      if (source == target) {
        continue;
      }
      byte[] rowKey = key(source);
      ACC acc = (ACC) readSingle(rowKey);
      backend.delete(family, rowKey);
      if (acc != null) {
        merged = merged == null ? acc : function.merge(merged, acc);
      }
    }
    if (merged != null) {
      byte[] targetKey = key(target);
      ACC current = (ACC) readSingle(targetKey);
      writeSingle(targetKey, current == null ? merged : function.merge(current, merged));
    }
  }
}
