package io.millrace.engine.bench;

import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.serialization.Serializers;
import io.millrace.engine.state.KeyedBackendParameters;
import io.millrace.engine.state.KeyedStateBackend;
import io.millrace.engine.state.SnapshotTask;
import io.millrace.engine.state.StateDescriptor;
import io.millrace.engine.state.ValueState;
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
 * The synchronous pause of a RocksDB checkpoint (flush + native checkpoint) with {@code stateMb}
 * of (incompressible) state and a memtable holding 20k fresh updates, as at a periodic checkpoint. Single shot per
 * iteration; the asynchronous upload is not measured (it is discarded).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CheckpointPauseBenchmark {

  @Param({"1024"})
  public int stateMb;

  private RocksDbStateBackend backend;
  private KeyedStateBackend keyed;
  private ValueState<String> value;
  private FileCheckpointStore store;
  private Path dir;
  private long checkpointId;
  private int round;
  private SnapshotTask pending;

  @Setup(Level.Trial)
  public void fill() throws Exception {
    dir = Files.createTempDirectory("millrace-bench-pause");
    backend = new RocksDbStateBackend(RocksDbOptions.defaults());
    keyed = backend.createKeyedStateBackend(new KeyedBackendParameters("pause#0", List.of("n"),
        new KeyGroupRange(0, 127), 128, dir.resolve("w"), System::currentTimeMillis));
    value = keyed.getState("n", StateDescriptor.value("v", Serializers.STRING));
    store = new FileCheckpointStore(dir.resolve("store"));
    // random payloads: repeated ones would compress to nothing and fake a small state
    java.util.Random random = new java.util.Random(42);
    String[] payloads = new String[4096];
    for (int p = 0; p < payloads.length; p++) {
      StringBuilder sb = new StringBuilder(200);
      for (int c = 0; c < 200; c++) {
        sb.append((char) ('!' + random.nextInt(90)));
      }
      payloads[p] = sb.toString();
    }
    long rows = stateMb * 1024L * 1024L / 220;
    for (long i = 0; i < rows; i++) {
      keyed.setCurrentKey(i);
      value.update(payloads[(int) (i % payloads.length)]);
    }
  }

  @Setup(Level.Iteration)
  public void freshUpdates() {
    String payload = "u".repeat(200) + round++;
    for (long i = 0; i < 20_000; i++) {
      keyed.setCurrentKey(i * 13);
      value.update(payload);
    }
  }

  @Benchmark
  public SnapshotTask synchronousPart() throws Exception {
    pending = keyed.snapshot(++checkpointId, store, "chk-" + checkpointId + "/t");
    return pending;
  }

  @TearDown(Level.Iteration)
  public void discard() {
    if (pending != null) {
      pending.discard();
    }
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    keyed.close();
    backend.close();
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
