package io.millrace.engine.runtime;

import io.millrace.engine.api.OperatorSetupException;
import io.millrace.engine.api.StreamOperator;
import io.millrace.engine.connector.Sink;
import io.millrace.engine.connector.Source;
import io.millrace.engine.runtime.checkpoint.TaskId;
import io.millrace.engine.runtime.exchange.Channel;
import io.millrace.engine.runtime.exchange.InputGate;
import io.millrace.engine.runtime.exchange.Partitioner;
import io.millrace.engine.runtime.exchange.RecordWriter;
import io.millrace.engine.runtime.task.Downstream;
import io.millrace.engine.runtime.task.ExchangeDownstream;
import io.millrace.engine.runtime.task.OperatorHost;
import io.millrace.engine.runtime.task.SimpleOperatorMetrics;
import io.millrace.engine.runtime.task.SinkOperator;
import io.millrace.engine.runtime.task.SourceTask;
import io.millrace.engine.runtime.task.StreamTask;
import io.millrace.engine.runtime.task.Task;
import io.millrace.engine.runtime.task.TaskMetrics;
import io.millrace.engine.runtime.task.TaskServices;
import io.millrace.spec.expr.CompileResult;
import io.millrace.spec.expr.ExpressionKind;
import io.millrace.spec.expr.ExpressionScope;
import io.millrace.spec.expr.RecordType;
import io.millrace.spec.plan.ChainEdge;
import io.millrace.spec.plan.JobEdge;
import io.millrace.spec.plan.JobGraph;
import io.millrace.spec.plan.JobVertex;
import io.millrace.spec.plan.KeyGroupRange;
import io.millrace.spec.plan.KeyGroups;
import io.millrace.spec.plan.OperatorChain;
import io.millrace.spec.plan.Partitioning;
import io.millrace.spec.plan.PhysicalPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link PhysicalPlan} into tasks wired by channels: one channel per (producer subtask,
 * consumer subtask) of each chain edge (only {@code i → i} for FORWARD), a record writer with the
 * edge's partitioner at each producer, an input gate at each consumer.
 *
 * <p>Only the tasks {@code local} accepts are built (a {@link JobSlice} builds its worker's share); each channel
 * comes from the {@link ChannelResolver}, which decides whether it is local, has a remote end, or is not needed.
 */
final class TaskGraphBuilder {

  /** Makes the channel of one (producer subtask, consumer subtask) pair of a chain edge. */
  @FunctionalInterface
  interface ChannelResolver {

    /**
     * @param name the channel's display name {@code source#i->target#j}
     * @return the channel the local end(s) use, or null when neither end runs here
     */
    Channel resolve(ChainEdge edge, int producer, int consumer, String name);

    /** Everything runs in this process: plain bounded channels. */
    static ChannelResolver allLocal(int capacity) {
      return (edge, producer, consumer, name) -> new Channel(name, capacity);
    }
  }

  private final PhysicalPlan plan;
  private final JobGraph graph;
  private final Connectors connectors;
  private final VertexOperatorFactory factory;
  private final JobConfig config;
  private final TaskServices services;
  private final Map<ChainEdge, Channel[][]> channels = new HashMap<>();
  private final ChannelResolver resolver;
  private final java.util.function.Predicate<TaskId> local;

  /** Builds every task with local channels only (one process runs the whole job). */
  TaskGraphBuilder(PhysicalPlan plan, Connectors connectors, VertexOperatorFactory factory, JobConfig config,
      TaskServices services) {
    this(plan, connectors, factory, config, services, ChannelResolver.allLocal(config.channelCapacity()),
        task -> true);
  }

  TaskGraphBuilder(PhysicalPlan plan, Connectors connectors, VertexOperatorFactory factory, JobConfig config,
      TaskServices services, ChannelResolver resolver, java.util.function.Predicate<TaskId> local) {
    this.resolver = resolver;
    this.local = local;
    this.plan = plan;
    this.graph = plan.graph();
    this.connectors = connectors;
    this.factory = factory;
    this.config = config;
    this.services = services;
  }

  /** Source tasks are those whose chain starts with a vertex without inputs. */
  static boolean isSource(JobGraph graph, String vertexId) {
    return graph.inputsOf(vertexId).isEmpty();
  }

  List<Task> build() {
    for (ChainEdge edge : plan.chainEdges()) {
      int producers = plan.chain(edge.sourceChain()).parallelism();
      int consumers = plan.chain(edge.targetChain()).parallelism();
      boolean forward = edge.edge().partitioning() == Partitioning.FORWARD;
      Channel[][] grid = new Channel[producers][consumers];
      for (int i = 0; i < producers; i++) {
        for (int j = 0; j < consumers; j++) {
          if (!forward || i == j) {
            grid[i][j] = resolver.resolve(edge, i, j,
                edge.edge().source() + "#" + i + "->" + edge.edge().target() + "#" + j);
          }
        }
      }
      channels.put(edge, grid);
    }
    List<Task> tasks = new ArrayList<>();
    for (OperatorChain chain : plan.chains()) {
      for (int index = 0; index < chain.parallelism(); index++) {
        if (local.test(new TaskId(chain.id(), index))) {
          tasks.add(buildTask(chain, index));
        }
      }
    }
    return tasks;
  }

  private Task buildTask(OperatorChain chain, int index) {
    TaskId id = new TaskId(chain.id(), index);
    KeyGroupRange keyGroups = chain.keyed()
        ? KeyGroups.rangeFor(graph.maxParallelism(), chain.parallelism(), index) : null;
    TaskMetrics metrics = new TaskMetrics();
    List<RecordWriter> writers = new ArrayList<>();
    List<JobVertex> vertices = chain.vertices().stream().map(this::vertex).toList();
    boolean source = isSource(graph, chain.id());
    List<JobVertex> operatorVertices = source ? vertices.subList(1, vertices.size()) : vertices;

    List<OperatorHost> hosts = new ArrayList<>();
    for (JobVertex vertex : operatorVertices) {
      hosts.add(new OperatorHost(vertex, createOperator(vertex, metrics), id.toString(), new SimpleOperatorMetrics()));
    }
    for (int k = 0; k < hosts.size(); k++) {
      OperatorHost host = hosts.get(k);
      Downstream main = k + 1 < hosts.size() ? hosts.get(k + 1)
          : exchanges(host.vertex(), JobEdge.MAIN, index, metrics, writers, host::keyFailed);
      host.connect(main, sideOutputs(host.vertex(), index, metrics, writers, host));
    }
    if (!source) {
      return new StreamTask(id, services, inputGate(chain, index), hosts, writers, keyGroups, metrics);
    }
    JobVertex sourceVertex = vertices.get(0);
    Source<?> connector = connectors.sources().get(sourceVertex.id());
    if (connector == null) {
      throw new OperatorSetupException(sourceVertex.id(), "no source connector is bound to this "
          + sourceVertex.kind() + " node; register its kind (Connectors.withSourceKind) or bind one to the node"
          + " (MiniCluster: source(\"" + sourceVertex.id() + "\", ...))");
    }
    ExchangeDownstream deadLetters = exchanges(sourceVertex, JobEdge.DEAD_LETTER, index, metrics, writers, (r, reason) -> { });
    Downstream head = hosts.isEmpty()
        ? exchanges(sourceVertex, JobEdge.MAIN, index, metrics, writers, (r, reason) -> {
            throw new IllegalStateException("node '" + sourceVertex.id() + "': key of an outgoing edge failed: " + reason);
          })
        : hosts.get(0);
    return sourceTask(id, sourceVertex, connector, hosts, head, deadLetters, writers, keyGroups, metrics);
  }

  private <S extends io.millrace.engine.connector.SourceSplit> Task sourceTask(TaskId id, JobVertex vertex,
      Source<S> connector, List<OperatorHost> hosts, Downstream head,
      ExchangeDownstream deadLetters, List<RecordWriter> writers,
      KeyGroupRange keyGroups, TaskMetrics metrics) {
    return new SourceTask<>(id, services, vertex, connector, hosts, head, deadLetters, writers, keyGroups, metrics);
  }

  private StreamOperator createOperator(JobVertex vertex, TaskMetrics metrics) {
    Sink<?> sink = connectors.sinks().get(vertex.id());
    if (sink != null) {
      return new SinkOperator<>(sink, metrics);
    }
    if (vertex.kind().endsWith("-sink")) {
      throw new OperatorSetupException(vertex.id(), "no sink connector is bound to this " + vertex.kind()
          + " node; register its kind (Connectors.withSinkKind) or bind one to the node"
          + " (MiniCluster: sink(\"" + vertex.id() + "\", ...))");
    }
    return factory.create(vertex);
  }

  private Map<String, ExchangeDownstream> sideOutputs(JobVertex vertex,
      int index, TaskMetrics metrics, List<RecordWriter> writers, OperatorHost host) {
    Map<String, ExchangeDownstream> sides = new LinkedHashMap<>();
    for (ChainEdge edge : plan.chainEdges()) {
      String output = edge.edge().sourceOutput();
      if (edge.edge().source().equals(vertex.id()) && !JobEdge.MAIN.equals(output) && !sides.containsKey(output)) {
        ExchangeDownstream exchange = exchanges(vertex, output, index, metrics, writers, host::keyFailed);
        if (!exchange.isEmpty()) {
          sides.put(output, exchange);
        }
      }
    }
    return sides;
  }

  private ExchangeDownstream exchanges(JobVertex vertex, String output,
      int index, TaskMetrics metrics, List<RecordWriter> writers,
      java.util.function.BiConsumer<io.millrace.engine.api.StreamRecord, String> onKeyFailure) {
    List<RecordWriter> edgeWriters = new ArrayList<>();
    for (ChainEdge edge : plan.chainEdges()) {
      if (edge.edge().source().equals(vertex.id()) && edge.edge().sourceOutput().equals(output)) {
        RecordWriter writer = writer(edge, index, metrics);
        edgeWriters.add(writer);
        writers.add(writer);
      }
    }
    return new ExchangeDownstream(edgeWriters, onKeyFailure, metrics);
  }

  private RecordWriter writer(ChainEdge edge, int index, TaskMetrics metrics) {
    Channel[] targets = channels.get(edge)[index];
    int consumers = targets.length;
    JobEdge jobEdge = edge.edge();
    List<Channel> list;
    Partitioner partitioner;
    switch (jobEdge.partitioning()) {
      case FORWARD -> {
        list = List.of(targets[index]);
        partitioner = new Partitioner.Forward(0);
      }
      case HASH -> {
        list = List.of(targets);
        partitioner = new Partitioner.Hash(keyExpression(jobEdge), graph.maxParallelism(), consumers);
      }
      case REBALANCE -> {
        list = List.of(targets);
        partitioner = new Partitioner.Rebalance(index, consumers);
      }
      default -> {
        list = List.of(targets);
        partitioner = new Partitioner.Broadcast();
      }
    }
    return new RecordWriter(list, partitioner, config.batchSize(), metrics::backpressured);
  }

  private io.millrace.spec.expr.CompiledExpression keyExpression(JobEdge edge) {
    // Evaluated at the sender on the records the target receives through this input: their type.
    RecordType input = plan.graph().vertex(edge.target()).map(v -> v.inputType(edge.targetInput()))
        .orElse(RecordType.dynamicRecord());
    CompileResult result = services.compiler().compile(edge.keyExpression(), ExpressionScope.forRecord(input),
        ExpressionKind.KEY);
    if (result instanceof CompileResult.Compiled compiled) {
      return compiled.expression();
    }
    throw new OperatorSetupException(edge.target(), "key expression `" + edge.keyExpression() + "` of the edge "
        + edge.source() + " -> " + edge.target() + " does not compile: " + ((CompileResult.Failed) result).errors());
  }

  private InputGate inputGate(OperatorChain chain, int index) {
    List<Channel> inputs = new ArrayList<>();
    List<Integer> inputIndex = new ArrayList<>();
    for (ChainEdge edge : plan.chainEdges()) {
      if (!edge.targetChain().equals(chain.id())) {
        continue;
      }
      for (Channel[] fromProducer : channels.get(edge)) {
        if (fromProducer[index] != null) {
          inputs.add(fromProducer[index]);
          inputIndex.add(edge.edge().targetInput());
        }
      }
    }
    if (inputs.isEmpty()) {
      throw new IllegalStateException("chain " + chain.id() + " has no input and is not a source");
    }
    return new InputGate(inputs, inputIndex.stream().mapToInt(Integer::intValue).toArray());
  }

  private JobVertex vertex(String id) {
    return graph.vertex(id).orElseThrow(() -> new IllegalStateException("plan without vertex " + id));
  }
}
