package io.millrace.engine.bench;

import io.millrace.engine.connector.datagen.DatagenConnector;
import io.millrace.engine.connector.datagen.DatagenSource;
import io.millrace.engine.connector.datagen.EventSchedule;
import io.millrace.engine.operators.OperatorFactory;
import io.millrace.engine.runtime.Connectors;
import io.millrace.engine.runtime.JobConfig;
import io.millrace.engine.runtime.JobSlice;
import io.millrace.engine.runtime.LocalJob;
import io.millrace.engine.runtime.SliceCoordinator;
import io.millrace.engine.runtime.SliceSpec;
import io.millrace.engine.runtime.checkpoint.TaskId;
import io.millrace.engine.runtime.network.LoopbackExchange;
import io.millrace.engine.testing.MiniCluster;
import io.millrace.spec.plan.OperatorChain;
import io.millrace.spec.plan.PhysicalPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * What serialization and credits cost (NOT part of the build): the same keyed job — Nexmark bids, key-by auction
 * (a HASH exchange), discarding sink, parallelism 2 — once in one process ({@link LocalJob}, records passed by
 * reference) and once as two {@link JobSlice}s whose crossing channels go through the in-memory
 * {@link LoopbackExchange} (every batch encoded, credited, decoded). Half the records cross.
 *
 * <p>Arguments: {@code [events] [rounds]} (default 4000000 2). Run: see the engine README.
 */
public final class SliceExchangeBench {

  static final String SPEC = """
      apiVersion: millrace.io/v1
      kind: Pipeline
      metadata: {name: slice-exchange-bench}
      spec:
        parallelism: 2
        nodes:
          - {id: bids, type: datagen-source, generator: nexmark, nexmark: {stream: bid}, seed: 42}
          - {id: by-auction, type: key-by, inputs: [bids], expression: value.auction}
          - {id: out, type: kafka-sink, inputs: [by-auction], topic: out, delivery: none}
      """;

  public static void main(String[] args) throws Exception {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 4_000_000L;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    PhysicalPlan plan = MiniCluster.compile(SPEC);
    Path dir = Files.createTempDirectory("slice-bench");
    double bestLocal = 0;
    double bestSliced = 0;
    long bytes = 0;
    for (int round = 0; round < rounds; round++) {
      bestLocal = Math.max(bestLocal, local(plan, dir, events));
      long[] frameBytes = new long[1];
      bestSliced = Math.max(bestSliced, sliced(plan, dir, events, frameBytes));
      bytes = frameBytes[0];
    }
    System.out.printf("events=%d parallelism=2%n", events);
    System.out.printf("single process : %,.0f records/s%n", bestLocal);
    System.out.printf("two slices     : %,.0f records/s (%.0f bytes/crossing record, %,d MB over the loopback)%n",
        bestSliced, bytes / (expectedRecords / 2.0), bytes >> 20);
    NexmarkRunner.deleteQuietly(dir);
  }

  private static Connectors connectors(long events, DiscardingLatencySink sink) {
    return Connectors.none().withSourceKind(DatagenConnector.KIND, vertex ->
        DatagenSource.fromSettings(vertex.id(), vertex.settings()).withRate(0).withCount(events)).withSink("out", sink);
  }

  private static double local(PhysicalPlan plan, Path dir, long events) throws Exception {
    DiscardingLatencySink sink = new DiscardingLatencySink(new EmitTimes(1 << 20), EventSchedule.NEXMARK_DEFAULT);
    long start = System.nanoTime();
    LocalJob job = MiniCluster.forPlan(plan).operators(OperatorFactory.standard()).connectors(connectors(events, sink))
        .config(JobConfig.defaults(dir.resolve("local"))).start();
    job.result().get(10, TimeUnit.MINUTES);
    job.close();
    return check(sink, events) / ((System.nanoTime() - start) / 1e9);
  }

  private static double sliced(PhysicalPlan plan, Path dir, long events, long[] frameBytes) throws Exception {
    DiscardingLatencySink sink = new DiscardingLatencySink(new EmitTimes(1 << 20), EventSchedule.NEXMARK_DEFAULT);
    Map<TaskId, String> placement = new LinkedHashMap<>();
    for (OperatorChain chain : plan.chains()) {
      for (int i = 0; i < chain.parallelism(); i++) {
        placement.put(new TaskId(chain.id(), i), "worker-" + i);
      }
    }
    LoopbackExchange exchange = new LoopbackExchange();
    java.util.Set<TaskId> sources = new java.util.HashSet<>();
    placement.keySet().stream().filter(t -> t.chain().equals("bids")).forEach(sources::add);
    SliceCoordinator listener = new SliceCoordinator(placement.keySet(), sources, 1);
    String jobId = UUID.randomUUID().toString();
    JobSlice[] slices = new JobSlice[2];
    for (int w = 0; w < 2; w++) {
      slices[w] = JobSlice.create(new SliceSpec(jobId, 1, plan, placement,
          Map.of("worker-0", "mem://0", "worker-1", "mem://1"), "worker-" + w, connectors(events, sink),
          OperatorFactory.standard(), JobConfig.defaults(dir.resolve("slice-" + w)), null, false, exchange, listener));
      listener.add(slices[w]);
    }
    long start = System.nanoTime();
    for (JobSlice slice : slices) {
      slice.start();
    }
    listener.allFinished().get(10, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - start) / 1e9;
    for (JobSlice slice : slices) {
      slice.close();
    }
    frameBytes[0] = exchange.bytes();
    return check(sink, events) / seconds;
  }

  /** Nexmark positions include persons and auctions: the bid stream is a fixed share of them, same for both. */
  private static long expectedRecords = -1;

  private static long check(DiscardingLatencySink sink, long events) {
    if (expectedRecords < 0) {
      expectedRecords = sink.count();
    }
    if (sink.count() != expectedRecords || sink.count() == 0) {
      throw new IllegalStateException("expected " + expectedRecords + " records at the sink, got " + sink.count());
    }
    return sink.count();
  }
}
