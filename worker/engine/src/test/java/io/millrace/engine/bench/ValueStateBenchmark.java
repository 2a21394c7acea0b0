package io.millrace.engine.bench;

import io.millrace.engine.serialization.Serializers;
import io.millrace.engine.state.KeyedBackendParameters;
import io.millrace.engine.state.KeyedStateBackend;
import io.millrace.engine.state.StateBackend;
import io.millrace.engine.state.StateDescriptor;
import io.millrace.engine.state.ValueState;
import io.millrace.engine.state.heap.HeapStateBackend;
import io.millrace.engine.state.rocksdb.RocksDbOptions;
import io.millrace.engine.state.rocksdb.RocksDbStateBackend;
import io.millrace.spec.plan.KeyGroupRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * ValueState access per key, like a keyed running count: set the key (hashes it to a key group
 * and serializes it), read the value, write it back incremented. 100k distinct string keys.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ValueStateBenchmark {

  private static final int KEYS = 100_000;

  @Param({"heap", "rocksdb"})
  public String backend;

  private StateBackend stateBackend;
  private KeyedStateBackend keyed;
  private ValueState<Long> count;
  private String[] keys;
  private int next;
  private Path dir;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    dir = Files.createTempDirectory("millrace-bench-state");
    stateBackend = backend.equals("heap") ? new HeapStateBackend()
        : new RocksDbStateBackend(RocksDbOptions.defaults());
    keyed = stateBackend.createKeyedStateBackend(new KeyedBackendParameters("bench#0",
        List.of("count"), new KeyGroupRange(0, 127), 128, dir.resolve("w"),
        System::currentTimeMillis));
    count = keyed.getState("count", StateDescriptor.value("count", Serializers.LONG));
    keys = new String[KEYS];
    for (int i = 0; i < KEYS; i++) {
      keys[i] = "auction-" + i;
      keyed.setCurrentKey(keys[i]);
      count.update(0L);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    keyed.close();
    stateBackend.close();
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private String nextKey() {
    int i = next;
    next = i + 7919 >= KEYS ? (i + 7919) % KEYS : i + 7919; // stride: not sequential
    return keys[i];
  }

  @Benchmark
  public Long get() {
    keyed.setCurrentKey(nextKey());
    return count.value();
  }

  @Benchmark
  public void getAndUpdate() {
    keyed.setCurrentKey(nextKey());
    Long v = count.value();
    count.update(v == null ? 1L : v + 1);
  }
}
