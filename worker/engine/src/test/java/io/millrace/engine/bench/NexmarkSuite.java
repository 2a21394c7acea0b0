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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * The Nexmark suite (NOT part of the build): every spec of {@code pipeline-spec/examples/nexmark}
 * through {@link NexmarkRunner}, best of {@code rounds}, then a stateless latency run at a fixed
 * rate and the checkpoint pause of a large RocksDB state. Command and results: docs/nexmark.md.
 *
 * <p>Arguments ({@code key=value}): {@code queries=q0,q1,...}, {@code events.q0=40000000} (per-query
 * sequence positions), {@code rounds=2}, {@code latencyRate=100000}, {@code latencySeconds=20},
 * {@code stateMb=1024}, {@code skip=latency,state}.
 */
public final class NexmarkSuite {

  /** Flink 2.3.0, same machine class, parallelism 2, RocksDB, exactly-once every 10 s (the engine issue). */
  static final Map<String, Long> FLINK_EVENTS_PER_SECOND = Map.of("q0", 3_900_000L, "q1", 4_100_000L,
      "q2", 4_400_000L, "q5", 49_000L, "q7", 306_000L, "q8", 708_000L, "running-count", 407_000L);

  static final Map<String, String> SPEC_FILES = new LinkedHashMap<>();

  static {
    SPEC_FILES.put("q0", "q0-pass-through.yaml");
    SPEC_FILES.put("q1", "q1-currency.yaml");
    SPEC_FILES.put("q2", "q2-selection.yaml");
    SPEC_FILES.put("q5", "q5-hot-items.yaml");
    SPEC_FILES.put("q7", "q7-highest-bid.yaml");
    SPEC_FILES.put("q8", "q8-new-users.yaml");
    SPEC_FILES.put("running-count", "keyed-running-count.yaml");
  }

  /** A stateless pipeline whose records cross a HASH exchange (q0 is chained into one task). */
  static final String KEYED_PASS_THROUGH = """
      apiVersion: millrace.io/v1
      kind: Pipeline
      metadata: {name: nexmark-keyed-pass-through}
      spec:
        parallelism: 2
        nodes:
          - {id: bids, type: datagen-source, generator: nexmark, nexmark: {stream: bid}, seed: 42}
          - {id: by-auction, type: key-by, inputs: [bids], expression: value.auction}
          - {id: out, type: kafka-sink, inputs: [by-auction], topic: out, delivery: none}
      """;

  private NexmarkSuite() {}

  /** {@code pipeline-spec/examples/nexmark}, found from the working directory upwards (repo root or module). */
  static Path examples() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("pipeline-spec/examples/nexmark");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("pipeline-spec/examples/nexmark not found above " + Path.of("").toAbsolutePath());
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("argument '" + arg + "': expected key=value (e.g. rounds=2); "
            + "with the bench profile pass them as -Dbench.args=\"rounds=2 queries=q0,q5\"");
      }
      options.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    List<String> queries = List.of(options.getOrDefault("queries", String.join(",", SPEC_FILES.keySet())).split(","))
        .stream().filter(q -> !q.isBlank()).toList();
    for (String query : queries) {
      if (!SPEC_FILES.containsKey(query)) {
        throw new IllegalArgumentException("unknown query '" + query + "': one of " + SPEC_FILES.keySet());
      }
    }
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "2"));
    String skip = options.getOrDefault("skip", "");
    Path work = Files.createTempDirectory("millrace-nexmark");
    NexmarkRunner runner = new NexmarkRunner(work, Duration.ofSeconds(10));
    List<NexmarkRunner.Result> best = new ArrayList<>();
    for (String query : queries) {
      long events = Long.parseLong(options.getOrDefault("events." + query, defaultEvents(query)));
      String yaml = Files.readString(examples().resolve(SPEC_FILES.get(query)));
      NexmarkRunner.Result top = null;
      for (int round = 0; round < rounds; round++) {
        NexmarkRunner.Result result = runner.run(query, yaml, events, 0);
        System.out.printf("%s round %d: %,d events in %.1f s = %,.0f events/s, %,d records out, %d checkpoints (max %d ms); %s%n",
            query, round, events, result.seconds(), result.eventsPerSecond(), result.recordsOut(), result.checkpoints(),
            result.maxCheckpointMillis(), loadAverage());
        if (top == null || result.eventsPerSecond() > top.eventsPerSecond()) {
          top = result;
        }
      }
      best.add(top);
    }
    printTable(best);
    if (!skip.contains("latency")) {
      long rate = Long.parseLong(options.getOrDefault("latencyRate", "100000"));
      long seconds = Long.parseLong(options.getOrDefault("latencySeconds", "20"));
      // chained (source and sink in one task) and across a HASH exchange (batches, a second task)
      String keyed = KEYED_PASS_THROUGH;
      for (String[] pipeline : List.of(new String[] {"q0 (chained)", Files.readString(examples().resolve(SPEC_FILES.get("q0")))},
          new String[] {"bids -> key-by auction -> sink (HASH exchange)", keyed})) {
        NexmarkRunner.Result result = runner.run("latency", pipeline[1], rate * seconds, rate);
        System.out.printf("%nstateless %s at %,d events/s for %d s: p50 %s, p99 %s, max %s (%d samples); %s%n",
            pipeline[0], rate, seconds, millis(result.latencyMicros(), 50), millis(result.latencyMicros(), 99),
            millis(result.latencyMicros(), 100), result.latencyMicros().getTotalCount(), loadAverage());
      }
    }
    if (!skip.contains("state")) {
      largeStateCheckpoint(work, Integer.parseInt(options.getOrDefault("stateMb", "1024")),
          Long.parseLong(options.getOrDefault("stateFillSeconds", "120")));
    }
    NexmarkRunner.deleteQuietly(work);
  }

  private static String defaultEvents(String query) {
    return switch (query) {
      // sized for ~20-40 s per run on a shared 2-core machine (measured rates, docs/nexmark.md)
      case "q0" -> "300000000";
      case "q1" -> "200000000";
      case "q2" -> "300000000";
      case "q5" -> "6000000";
      case "q7" -> "100000000";
      case "q8" -> "30000000";
      case "running-count" -> "8000000";
      default -> "10000000";
    };
  }

  private static void printTable(List<NexmarkRunner.Result> results) {
    System.out.printf("%n| query | events/s (job) | events/s per core | Flink target | vs target | p50 | p99 | checkpoints | max checkpoint |%n");
    System.out.printf("|---|---|---|---|---|---|---|---|---|%n");
    for (NexmarkRunner.Result r : results) {
      long target = FLINK_EVENTS_PER_SECOND.getOrDefault(r.query(), 0L);
      System.out.printf("| %s | %,.0f | %,.0f | %,d | %.2f× | %s | %s | %d | %d ms |%n", r.query(), r.eventsPerSecond(),
          r.eventsPerSecond() / 2, target, target == 0 ? 0 : r.eventsPerSecond() / target,
          millis(r.latencyMicros(), 50), millis(r.latencyMicros(), 99), r.checkpoints(), r.maxCheckpointMillis());
    }
  }

  private static String millis(Histogram micros, double percentile) {
    return micros == null ? "n/a" : String.format("%.3f ms", micros.getValueAtPercentile(percentile) / 1000.0);
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return "load " + parts[0] + " " + parts[1] + " " + parts[2];
    } catch (Exception e) {
      return "load n/a";
    }
  }

  /**
   * Fills one keyed RocksDB backend (all 128 key groups) with incompressible ~200-byte values until
   * {@code targetMb} or the time budget, then times a checkpoint: the synchronous part (flush +
   * native checkpoint, what pauses the task) and the whole (upload to a file:// store included).
   */
  private static void largeStateCheckpoint(Path work, int targetMb, long fillSeconds) throws Exception {
    Path dir = Files.createTempDirectory(work, "state-");
    try (RocksDbStateBackend backend = new RocksDbStateBackend(RocksDbOptions.defaults())) {
      KeyedStateBackend keyed = backend.createKeyedStateBackend(new KeyedBackendParameters("state#0", List.of("n"),
          new KeyGroupRange(0, 127), 128, dir.resolve("w"), System::currentTimeMillis));
      ValueState<String> value = keyed.getState("n", StateDescriptor.value("v", Serializers.STRING));
      FileCheckpointStore store = new FileCheckpointStore(dir.resolve("store"));
      Random random = new Random(42);
      String[] payloads = new String[4096];
      for (int p = 0; p < payloads.length; p++) {
        StringBuilder sb = new StringBuilder(200);
        for (int c = 0; c < 200; c++) {
          sb.append((char) ('!' + random.nextInt(90)));
        }
        payloads[p] = sb.toString();
      }
      long rows = targetMb * 1024L * 1024L / 220;
      long deadline = System.nanoTime() + fillSeconds * 1_000_000_000L;
      long written = 0;
      long fillStart = System.nanoTime();
      for (; written < rows && (written % 10_000 != 0 || System.nanoTime() < deadline); written++) {
        keyed.setCurrentKey(written);
        value.update(payloads[(int) ((written * 31 + written / 4096) % payloads.length)] + written);
      }
      double fill = (System.nanoTime() - fillStart) / 1e9;
      long t0 = System.nanoTime();
      SnapshotTask task = keyed.snapshot(1, store, "chk-1/state");
      long syncMicros = (System.nanoTime() - t0) / 1000;
      task.run();
      long totalMillis = (System.nanoTime() - t0) / 1_000_000;
      long storeBytes;
      try (var walk = Files.walk(dir.resolve("store"))) {
        storeBytes = walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
      }
      System.out.printf("%nRocksDB state: %,d keys × ~220 B = %,d MB written in %.0f s (%s); checkpoint: synchronous pause %.1f ms, "
              + "total (upload to file:// store) %,d ms, %,d MB uploaded%n", written, written * 220 / (1024 * 1024), fill,
          written < rows ? "stopped by the time budget" : "target reached", syncMicros / 1000.0, totalMillis,
          storeBytes / (1024 * 1024));
      keyed.close();
    } finally {
      NexmarkRunner.deleteQuietly(dir);
    }
  }
}
