package io.millrace.engine.testing;

import io.millrace.engine.api.StreamOperator;
import io.millrace.engine.connector.Sink;
import io.millrace.engine.connector.Source;
import io.millrace.engine.operators.basic.BasicOperators;
import io.millrace.engine.runtime.Connectors;
import io.millrace.engine.runtime.JobConfig;
import io.millrace.engine.runtime.LocalJob;
import io.millrace.engine.runtime.VertexOperatorFactory;
import io.millrace.engine.runtime.checkpoint.CompletedCheckpoint;
import io.millrace.spec.compile.CompilationResult;
import io.millrace.spec.compile.SpecCompiler;
import io.millrace.spec.parse.Format;
import io.millrace.spec.plan.PhysicalPlan;
import io.millrace.spec.validate.Diagnostic;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs a whole {@link PhysicalPlan} (compiled from a spec) in this process, with sources and sinks
 * substituted by node id (typically {@link io.millrace.engine.connector.CollectionSource} and
 * {@link io.millrace.engine.connector.CollectingSink}) and, for tests, single operators replaced
 * (e.g. one that fails on purpose).
 *
 * <pre>{@code
 * CollectingSink out = new CollectingSink();
 * LocalJob job = MiniCluster.forSpec(yaml)
 *     .source("lines", CollectionSource.of(List.of("a b", "b"), 2))
 *     .sink("out", out)
 *     .config(JobConfig.defaults(tempDir))
 *     .start();
 * job.result().get(30, SECONDS);
 * }</pre>
 */
public final class MiniCluster {

  private final PhysicalPlan plan;
  private final Map<String, Source<?>> sources = new HashMap<>();
  private final Map<String, Sink<?>> sinks = new HashMap<>();
  private final Map<String, Supplier<StreamOperator>> overrides = new HashMap<>();
  private Connectors connectorKinds = Connectors.none();
  private VertexOperatorFactory factory = new BasicOperators();
  private JobConfig config;

  private MiniCluster(PhysicalPlan plan) {
    this.plan = plan;
  }

  public static MiniCluster forPlan(PhysicalPlan plan) {
    return new MiniCluster(plan);
  }

  /** Compiles a YAML spec; an invalid spec fails with every error diagnostic. */
  public static MiniCluster forSpec(String yaml) {
    return new MiniCluster(compile(yaml));
  }

  public static PhysicalPlan compile(String yaml) {
    CompilationResult result = SpecCompiler.standard().compile(yaml, Format.YAML);
    return result.plan().orElseThrow(() -> new IllegalArgumentException("invalid spec: "
        + result.validation().diagnostics().stream().map(Diagnostic::toString).collect(Collectors.joining("; "))));
  }

  public PhysicalPlan plan() {
    return plan;
  }

  public MiniCluster source(String nodeId, Source<?> source) {
    sources.put(nodeId, source);
    return this;
  }

  public MiniCluster sink(String nodeId, Sink<?> sink) {
    sinks.put(nodeId, sink);
    return this;
  }

  /**
   * Connectors by kind (and node), e.g. {@code Connectors.none().withSourceKind("datagen-source", ...)};
   * the per-node {@link #source}/{@link #sink} bindings win over them.
   */
  public MiniCluster connectors(Connectors registry) {
    this.connectorKinds = registry;
    return this;
  }

  /** The factory for every non-connector node (default: the basic kinds only). */
  public MiniCluster operators(VertexOperatorFactory operatorFactory) {
    this.factory = operatorFactory;
    return this;
  }

  /** Replaces the operator of one node (each subtask gets a fresh one from {@code operator}). */
  public MiniCluster operator(String nodeId, Supplier<StreamOperator> operator) {
    overrides.put(nodeId, operator);
    return this;
  }

  public MiniCluster config(JobConfig jobConfig) {
    this.config = jobConfig;
    return this;
  }

  /** Builds the job without starting it. */
  public LocalJob create(CompletedCheckpoint restoreFrom) {
    if (config == null) {
      throw new IllegalStateException("set a JobConfig (JobConfig.defaults(workingDirectory))");
    }
    VertexOperatorFactory base = factory;
    VertexOperatorFactory effective = vertex -> overrides.containsKey(vertex.id())
        ? overrides.get(vertex.id()).get() : base.create(vertex);
    return LocalJob.create(plan, connectorKinds.with(new Connectors(sources, sinks)), effective, config, restoreFrom);
  }

  /** Starts fresh. */
  public LocalJob start() throws Exception {
    return create(null).start();
  }

  /** Starts from a completed checkpoint or savepoint. */
  public LocalJob restore(CompletedCheckpoint checkpoint) throws Exception {
    return create(checkpoint).start();
  }
}
