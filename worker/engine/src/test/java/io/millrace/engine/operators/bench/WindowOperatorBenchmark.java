package io.millrace.engine.operators.bench;

import io.millrace.engine.operators.OperatorBench;
import io.millrace.engine.operators.OperatorFactory;
import io.millrace.engine.state.StateBackend;
import io.millrace.engine.state.heap.HeapStateBackend;
import io.millrace.engine.state.rocksdb.RocksDbOptions;
import io.millrace.engine.state.rocksdb.RocksDbStateBackend;
import io.millrace.spec.plan.JobVertex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * One window-aggregate subtask on one thread: records/s through the operator (state access, slice
 * aggregation, firing), q5-like (sliding 10 s / 2 s, count, 1000 keys) and q7-like (tumbling 10 s,
 * max + reduce, 1000 keys), with heap and RocksDB state. Event time advances 10 µs per record as in
 * the Nexmark setup; a watermark every {@value #WATERMARK_EVERY} records trails by 4 s.
 *
 * <p>Run: {@code mvn -pl worker/engine -Pbench test-compile exec:exec -Djmh.args="-f 1 -wi 2 -i 3 -bm thrpt -tu s .*WindowOperatorBenchmark.*"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WindowOperatorBenchmark {

  @Param({"heap", "rocksdb"})
  public String backend;

  @Param({"sliding-count", "tumbling-max-reduce"})
  public String query;

  /**
   * Records between two watermarks: 20 000 records are 200 ms of event time here, about what a
   * source emitting watermarks every 200 ms (Flink's default interval) produces at 100k records/s.
   */
  private static final int WATERMARK_EVERY = 20_000;

  private OperatorBench bench;
  private Path dir;
  private final List<Map<String, Object>> bids = new ArrayList<>();
  private long n;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Map<String, Object> settings = query.equals("sliding-count")
        ? Map.of("window", Map.of("type", "sliding", "size", "10s", "slide", "2s"),
            "aggregates", List.of(Map.of("name", "bids", "fn", "count")))
        : Map.of("window", Map.of("type", "tumbling", "size", "10s"),
            "aggregates", List.of(Map.of("name", "maxPrice", "fn", "max", "field", "price"),
                Map.of("name", "bid", "fn", "reduce", "expression", "acc.price >= value.price ? acc : value")));
    StateBackend state = backend.equals("heap") ? new HeapStateBackend() : new RocksDbStateBackend(RocksDbOptions.defaults());
    dir = Files.createTempDirectory("window-bench");
    bench = OperatorBench.open(OperatorFactory.standard().create(new JobVertex("w", "window-aggregate", 1, true, settings)),
        "w", settings, state, dir);
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 4096; i++) {
      bids.add(Map.of("auction", (long) random.nextInt(1000), "price", (long) random.nextInt(100_000), "bidder", (long) i));
    }
  }

  @Benchmark
  public void processRecord() throws Exception {
    long i = n++;
    Map<String, Object> bid = bids.get((int) (i & 4095));
    long ts = i / 100; // 10 µs per record
    bench.record(bid, bid.get("auction"), ts);
    if (i % WATERMARK_EVERY == WATERMARK_EVERY - 1) {
      bench.watermark(ts - 4_000);
      bench.takeOutput();
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    bench.close();
    if (!Files.exists(dir)) {
      return; // the RocksDB backend removes its working directory itself
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
