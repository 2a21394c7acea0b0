package io.millrace.engine.bench;

import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.connector.datagen.DatagenConnector;
import io.millrace.engine.connector.datagen.DatagenSource;
import io.millrace.engine.connector.datagen.EventSchedule;
import io.millrace.engine.operators.OperatorFactory;
import io.millrace.engine.runtime.Connectors;
import io.millrace.engine.runtime.JobConfig;
import io.millrace.engine.runtime.LocalJob;
import io.millrace.engine.state.rocksdb.RocksDbOptions;
import io.millrace.engine.state.rocksdb.RocksDbStateBackend;
import io.millrace.engine.testing.MiniCluster;
import io.millrace.spec.plan.PhysicalPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Runs one Nexmark spec as the suite measures it: parallelism 2, its datagen sources generating as
 * fast as they can for {@code events} positions of the event sequence, its sink {@code out}
 * replaced by a {@link DiscardingLatencySink}, RocksDB state, checkpoints every {@code interval}
 * to a {@code file://} store (triggered here so each one's duration can be timed).
 */
final class NexmarkRunner {

  /** One run's numbers; latency null when the query's output carries no event time (windows, counts). */
  record Result(String query, long events, long recordsOut, double seconds, Histogram latencyMicros,
      int checkpoints, long maxCheckpointMillis) {

    double eventsPerSecond() {
      return events / seconds;
    }
  }

  private static final long SAMPLE_EVERY = 1024;

  private final Path workDirectory;
  private final Duration checkpointInterval;

  NexmarkRunner(Path workDirectory, Duration checkpointInterval) {
    this.workDirectory = workDirectory;
    this.checkpointInterval = checkpointInterval;
  }

  /** The spec with parallelism 2 (the examples say 4: a production default, not the benchmark's). */
  static String atParallelismTwo(String yaml) {
    return yaml.replaceFirst("(?m)^(\\s*)parallelism:\\s*\\d+", "$1parallelism: 2");
  }

  Result run(String query, String yaml, long events, long rate) throws Exception {
    PhysicalPlan plan = MiniCluster.compile(atParallelismTwo(yaml));
    EmitTimes emitTimes = new EmitTimes(SAMPLE_EVERY);
    DiscardingLatencySink sink = new DiscardingLatencySink(emitTimes, EventSchedule.NEXMARK_DEFAULT);
    // the datagen kind registration, with the benchmark's overrides (rate, count, emit-time sampling)
    Connectors connectors = Connectors.none().withSourceKind(DatagenConnector.KIND, vertex ->
        DatagenSource.fromSettings(vertex.id(), vertex.settings())
            .withRate(rate).withCount(events).withEmissionSampling(SAMPLE_EVERY, emitTimes));
    MiniCluster cluster = MiniCluster.forPlan(plan).operators(OperatorFactory.standard()).connectors(connectors)
        .sink("out", sink);
    Path dir = Files.createTempDirectory(workDirectory, query + "-");
    List<Long> checkpointMillis = new ArrayList<>();
    ScheduledExecutorService trigger = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "nexmark-ckpt"));
    try (RocksDbStateBackend rocksDb = new RocksDbStateBackend(RocksDbOptions.defaults())) {
      LocalJob job = cluster.config(JobConfig.defaults(dir.resolve("work"))
          .withState(rocksDb, new FileCheckpointStore(dir.resolve("store")))).create(null);
      long start = System.nanoTime();
      job.start();
      long intervalMs = checkpointInterval.toMillis();
      trigger.scheduleWithFixedDelay(() -> {
        long t0 = System.nanoTime();
        CompletableFuture<?> done = job.checkpoints().triggerCheckpoint();
        try {
          done.get(intervalMs * 6, TimeUnit.MILLISECONDS);
          synchronized (checkpointMillis) {
            checkpointMillis.add((System.nanoTime() - t0) / 1_000_000);
          }
        } catch (Exception e) {
          // a checkpoint overlapping the end of a bounded job is declined: not a measurement
        }
      }, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
      job.result().get();
      double seconds = (System.nanoTime() - start) / 1e9;
      trigger.shutdownNow();
      job.close();
      Histogram latency = sink.latencies();
      synchronized (checkpointMillis) {
        return new Result(query, events, sink.count(), seconds, latency.getTotalCount() == 0 ? null : latency,
            checkpointMillis.size(), checkpointMillis.stream().mapToLong(Long::longValue).max().orElse(0));
      }
    } finally {
      trigger.shutdownNow();
      deleteQuietly(dir);
    }
  }

  static void deleteQuietly(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (Exception e) {
      // temp files only
    }
  }
}
