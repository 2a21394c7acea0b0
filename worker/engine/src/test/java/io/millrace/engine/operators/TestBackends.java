package io.millrace.engine.operators;

import io.millrace.engine.state.StateBackend;
import io.millrace.engine.state.heap.HeapStateBackend;
import io.millrace.engine.state.rocksdb.RocksDbOptions;
import io.millrace.engine.state.rocksdb.RocksDbStateBackend;
import java.util.List;
import java.util.function.Supplier;

/** The state backends operator tests run against (parameter source for @MethodSource). */
public final class TestBackends {

  private TestBackends() {}

  public static List<Supplier<StateBackend>> all() {
    return List.of(named("heap", HeapStateBackend::new),
        named("rocksdb", () -> new RocksDbStateBackend(RocksDbOptions.small())));
  }

  private static Supplier<StateBackend> named(String name, Supplier<StateBackend> factory) {
    return new Supplier<>() {
      @Override
      public StateBackend get() {
        return factory.get();
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
