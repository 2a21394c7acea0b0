package io.millrace.engine.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.connector.CollectingSink;
import io.millrace.engine.connector.CollectionSource;
import io.millrace.engine.operators.OperatorFactory;
import io.millrace.engine.runtime.JobConfig;
import io.millrace.engine.runtime.LocalJob;
import io.millrace.engine.runtime.checkpoint.CompletedCheckpoint;
import io.millrace.engine.runtime.checkpoint.TaskStateSnapshot;
import io.millrace.engine.state.StateMetaInfo;
import io.millrace.engine.state.heap.HeapStateBackend;
import io.millrace.engine.testing.MiniCluster;
import io.millrace.spec.catalog.Catalog;
import io.millrace.spec.catalog.NodeRole;
import io.millrace.spec.model.PipelineSpec;
import io.millrace.spec.parse.Format;
import io.millrace.spec.plan.JobVertex;
import io.millrace.spec.plan.PhysicalPlan;
import io.millrace.spec.statediff.DeclaredState;
import io.millrace.spec.statediff.StateDiffer;
import io.millrace.spec.statediff.StateScope;
import io.millrace.spec.validate.PipelineValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps pipeline-spec's state declarations honest (DESIGN.md §8.1): every spec example, and specs
 * covering the stateful kinds the examples miss, runs in-process; a checkpoint is taken and the
 * keyed states its snapshots actually contain ({@code StateMetaInfo}: node, name, kind, serializer
 * version) must equal what {@link StateDiffer#declaredStates} declares for each node, and a node may
 * hold operator state only if it declares some. An operator that registers a state its kind does
 * not declare (or drops, renames or re-versions one) fails here.
 */
class DeclaredStatesMatchSnapshotsTest {

  static final Path EXAMPLES = Path.of("..", "..", "pipeline-spec", "examples");
  private static final StateDiffer DIFFER = StateDiffer.standard();
  private static final Catalog CATALOG = Catalog.load();

  @TempDir Path dir;

  /** Stateful shapes no example has: sessions, sliding windows, window/session joins, lookup-join, process with TTLs. */
  static final Map<String, String> EXTRA = Map.of(
      "session-window-and-sliding", """
          apiVersion: millrace.io/v1
          kind: Pipeline
          metadata: {name: sessions}
          spec:
            parallelism: 2
            nodes:
              - {id: in, type: kafka-source, topic: in, format: json}
              - {id: sessions, type: window-aggregate, inputs: [in], keyBy: "value.user",
                 window: {type: session, gap: 30s}, aggregates: [{name: n, fn: count}, {name: avg, fn: avg, field: amount}]}
              - {id: sliding, type: window-aggregate, inputs: [in], keyBy: "value.user",
                 window: {type: sliding, size: 10s, slide: 5s}, aggregates: [{name: last, fn: last}]}
              - {id: out, type: kafka-sink, inputs: [sessions], topic: out, format: json}
              - {id: out2, type: kafka-sink, inputs: [sliding], topic: out2, format: json}
          """,
      "joins", """
          apiVersion: millrace.io/v1
          kind: Pipeline
          metadata: {name: joins}
          spec:
            parallelism: 2
            nodes:
              - {id: left, type: kafka-source, topic: l, format: json}
              - {id: right, type: kafka-source, topic: r, format: json}
              - {id: windowed, type: join, mode: window, inputs: [left, right], leftKey: "value.id", rightKey: "value.id",
                 window: {type: tumbling, size: 10s}}
              - {id: sessioned, type: join, mode: window, inputs: [left, right], leftKey: "value.id", rightKey: "value.id",
                 window: {type: session, gap: 10s}}
              - {id: enriched, type: lookup-join, inputs: [left, right], leftKey: "value.id", rightKey: "value.id", ttl: 1h}
              - {id: plain, type: lookup-join, inputs: [left, right], leftKey: "value.id", rightKey: "value.id"}
              - {id: out1, type: kafka-sink, inputs: [windowed], topic: o1, format: json}
              - {id: out2, type: kafka-sink, inputs: [sessioned], topic: o2, format: json}
              - {id: out3, type: kafka-sink, inputs: [enriched], topic: o3, format: json}
              - {id: out4, type: kafka-sink, inputs: [plain], topic: o4, format: json}
          """,
      "process-and-dedup", """
          apiVersion: millrace.io/v1
          kind: Pipeline
          metadata: {name: process}
          spec:
            parallelism: 1
            nodes:
              - {id: in, type: kafka-source, topic: in, format: json}
              - {id: keyed, type: key-by, inputs: [in], expression: "value.user"}
              - id: machine
                type: process
                inputs: [keyed]
                state:
                  - {name: count, kind: value, type: int, ttl: 1h}
                  - {name: recent, kind: list}
                  - {name: flags, kind: map, ttl: 10m}
                  - {name: last, kind: value}
                onRecord: {update: {count: "count + 1"}, emit: "[value]"}
              - {id: unique, type: deduplicate, inputs: [machine], keyBy: "value.id", ttl: 1h}
              - {id: out, type: kafka-sink, inputs: [unique], topic: out, format: json}
          """);

  @TestFactory
  List<DynamicTest> theStatesInASnapshotAreExactlyTheDeclaredOnes() throws Exception {
    Map<String, String> specs = new TreeMap<>();
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        specs.put(EXAMPLES.relativize(file).toString(), Files.readString(file));
      }
    }
    assertThat(specs).hasSizeGreaterThanOrEqualTo(15);
    specs.putAll(EXTRA);
    return specs.entrySet().stream()
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), e.getValue())))
        .toList();
  }

  private void check(String name, String yaml) throws Exception {
    PipelineSpec pipeline = PipelineValidator.standard().validate(yaml, Format.YAML).pipeline().orElseThrow();
    Map<String, List<DeclaredState>> declared = DIFFER.declaredStates(pipeline);
    CompletedCheckpoint checkpoint = checkpointOf(name, yaml);

    Map<String, Set<String>> snapshotKeyed = new TreeMap<>();
    Set<String> snapshotOperator = new TreeSet<>();
    for (TaskStateSnapshot task : checkpoint.tasks()) {
      snapshotOperator.addAll(task.operatorState().keySet());
      if (task.keyedState() != null) {
        for (StateMetaInfo meta : task.keyedState().states()) {
          snapshotKeyed.computeIfAbsent(meta.nodeId(), n -> new TreeSet<>()).add(address(meta));
        }
      }
    }
    Map<String, Set<String>> declaredKeyed = new TreeMap<>();
    Set<String> declaringOperator = new TreeSet<>();
    declared.forEach((node, states) -> states.forEach(s -> {
      if (s.scope() == StateScope.KEYED) {
        declaredKeyed.computeIfAbsent(node, n -> new TreeSet<>()).add(address(s));
      } else {
        declaringOperator.add(node);
      }
    }));

    assertThat(snapshotKeyed).as("keyed states per node in a real snapshot of %s vs pipeline-spec's declarations", name)
        .isEqualTo(declaredKeyed);
    assertThat(snapshotOperator).as("nodes of %s holding operator state must declare it", name)
        .isSubsetOf(declaringOperator);
    // Sinks hold operator state only while a commit is pending; every other declaring node always has some.
    Set<String> alwaysThere = declaringOperator.stream()
        .filter(node -> role(pipeline, node) != NodeRole.SINK).collect(Collectors.toCollection(TreeSet::new));
    assertThat(snapshotOperator).as("declared operator state of %s found in the snapshot", name).containsAll(alwaysThere);
  }

  private static NodeRole role(PipelineSpec pipeline, String nodeId) {
    String type = pipeline.spec().node(nodeId).orElseThrow().type();
    return CATALOG.kind(type).orElseThrow().role();
  }

  private static String address(StateMetaInfo meta) {
    return meta.name() + " " + meta.kind().name() + " v" + meta.serializerVersion();
  }

  private static String address(DeclaredState state) {
    return state.name() + " " + state.kind().name() + " v" + state.serializerVersion();
  }

  /** Runs the spec with held-back in-memory sources and collecting sinks and takes one checkpoint. */
  private CompletedCheckpoint checkpointOf(String name, String yaml) throws Exception {
    PhysicalPlan plan = MiniCluster.compile(yaml);
    MiniCluster cluster = MiniCluster.forPlan(plan).operators(OperatorFactory.standard());
    List<CollectionSource> sources = new ArrayList<>();
    for (JobVertex vertex : plan.graph().vertices()) {
      NodeRole role = CATALOG.kind(vertex.kind()).orElseThrow().role();
      if (role == NodeRole.SOURCE) {
        List<Object> records = new ArrayList<>();
        for (long i = 0; i < 32; i++) {
          records.add(Map.of("id", i));
        }
        CollectionSource source = CollectionSource.of(records, 16); // a split for every subtask
        source.releaseUpTo(0); // hold everything back: the job keeps running until cancelled
        sources.add(source);
        cluster.source(vertex.id(), source);
      } else if (role == NodeRole.SINK) {
        cluster.sink(vertex.id(), new CollectingSink());
      }
    }
    String safe = name.replaceAll("[^A-Za-z0-9-]", "_");
    LocalJob job = cluster.config(JobConfig.defaults(dir.resolve(safe))
        .withState(new HeapStateBackend(), new FileCheckpointStore(dir.resolve("store-" + safe)))).start();
    try {
      return job.checkpoints().triggerCheckpoint().get(60, TimeUnit.SECONDS);
    } finally {
      job.cancel();
      try {
        job.result().get(30, TimeUnit.SECONDS);
      } catch (CancellationException | ExecutionException stopped) {
        // cancelled on purpose
      }
    }
  }
}
