package io.millrace.spec.compile;

import io.millrace.spec.expr.RecordType;
import io.millrace.spec.model.InputRef;
import io.millrace.spec.model.NodeSpec;
import io.millrace.spec.model.PipelineSpec;
import io.millrace.spec.model.Spec;
import io.millrace.spec.parse.Format;
import io.millrace.spec.plan.JobEdge;
import io.millrace.spec.plan.JobGraph;
import io.millrace.spec.plan.JobVertex;
import io.millrace.spec.plan.Partitioning;
import io.millrace.spec.plan.PhysicalPlan;
import io.millrace.spec.plan.PhysicalPlanner;
import io.millrace.spec.validate.PipelineValidator;
import io.millrace.spec.validate.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Validated spec → logical {@link JobGraph} → {@link PhysicalPlan}.
 *
 * <p>Edge rules, for each entry of a node's {@code inputs} (its index is the edge's target input):
 *
 * <ul>
 *   <li>into a node that keys its input itself ({@code key-by}; {@code window-aggregate},
 *       {@code deduplicate}, {@code process} with {@code keyBy}; {@code join} and {@code
 *       lookup-join} with {@code leftKey} for input 0 and {@code rightKey} for input 1): HASH with
 *       that key expression;
 *   <li>into a keyed node without its own key (its input is a {@code key-by} node): FORWARD when
 *       the parallelism is equal (the data is already partitioned by that key), else HASH with the
 *       key-by node's expression;
 *   <li>otherwise FORWARD with equal parallelism, REBALANCE when parallelism changes.
 * </ul>
 *
 * Side outputs ({@code x.late}, {@code x.dead-letter}) become edges from that output. BROADCAST
 * is part of the plan model but no node kind asks for it yet.
 */
public final class SpecCompiler {

  private final PipelineValidator validator;
  private final PhysicalPlanner planner = new PhysicalPlanner();

  public SpecCompiler(PipelineValidator validator) {
    this.validator = Objects.requireNonNull(validator, "validator");
  }

  public static SpecCompiler standard() {
    return new SpecCompiler(PipelineValidator.standard());
  }

  /** Validates a spec text and, when it is valid, compiles it. Never throws for any text. */
  public CompilationResult compile(String text, Format format) {
    ValidationResult validation = validator.validate(text, format);
    if (!validation.isValid() || validation.pipeline().isEmpty()) {
      return new CompilationResult(validation, Optional.empty());
    }
    return new CompilationResult(validation,
        Optional.of(plan(validation.pipeline().get(), validation.outputTypes())));
  }

  /** The physical plan of a validated pipeline, without record types (every input dynamic). */
  public PhysicalPlan plan(PipelineSpec pipeline) {
    return plan(pipeline, Map.of());
  }

  /**
   * The physical plan of a validated pipeline whose nodes' output record types are known ({@link
   * ValidationResult#outputTypes()}): each vertex carries the types of its inputs, so the engine
   * compiles expressions against them (the typed fast path).
   */
  public PhysicalPlan plan(PipelineSpec pipeline, Map<String, RecordType> outputTypes) {
    return planner.plan(jobGraph(pipeline, outputTypes));
  }

  /** The logical job graph of a validated pipeline, without record types. */
  public JobGraph jobGraph(PipelineSpec pipeline) {
    return jobGraph(pipeline, Map.of());
  }

  /** The logical job graph of a validated pipeline, with each vertex's input record types. */
  public JobGraph jobGraph(PipelineSpec pipeline, Map<String, RecordType> outputTypes) {
    Spec spec = pipeline.spec();
    InputTypes types = new InputTypes(spec, outputTypes);
    List<JobVertex> vertices = new ArrayList<>();
    List<JobEdge> edges = new ArrayList<>();
    for (NodeSpec node : spec.nodes()) {
      vertices.add(new JobVertex(node.id(), node.type(), spec.parallelismOf(node), isKeyed(node),
          NodeSettings.of(node), types.of(node)));
      for (int input = 0; input < node.inputs().size(); input++) {
        edges.add(edge(spec, node.inputs().get(input), node, input));
      }
    }
    return new JobGraph(pipeline.metadata().name(), spec.maxParallelism(), vertices, edges);
  }

  private static JobEdge edge(Spec spec, InputRef ref, NodeSpec target, int input) {
    NodeSpec source = spec.node(ref.nodeId()).orElseThrow(() -> new IllegalArgumentException(
        "node " + target.id() + " reads unknown node " + ref.nodeId() + ": validate the spec first"));
    String output = ref.output().orElse(JobEdge.MAIN);
    boolean sameParallelism = spec.parallelismOf(source) == spec.parallelismOf(target);
    Optional<String> ownKey = ownKey(target, input);
    if (ownKey.isPresent()) {
      return new JobEdge(source.id(), output, target.id(), input, Partitioning.HASH, ownKey.get());
    }
    if (isKeyed(target) && !sameParallelism) {
      if (!(source instanceof NodeSpec.KeyByNode keyBy)) {
        throw new IllegalArgumentException("keyed node " + target.id()
            + " has no key and does not read a key-by node: validate the spec first");
      }
      return new JobEdge(source.id(), output, target.id(), input, Partitioning.HASH, keyBy.expression());
    }
    return new JobEdge(source.id(), output, target.id(), input,
        sameParallelism ? Partitioning.FORWARD : Partitioning.REBALANCE, null);
  }

  /** The key expression with which {@code node} partitions its input number {@code input}. */
  static Optional<String> ownKey(NodeSpec node, int input) {
    if (node instanceof NodeSpec.KeyByNode keyBy) {
      return Optional.of(keyBy.expression());
    }
    if (node instanceof NodeSpec.WindowAggregateNode window) {
      return window.keyBy();
    }
    if (node instanceof NodeSpec.DeduplicateNode dedup) {
      return dedup.keyBy();
    }
    if (node instanceof NodeSpec.ProcessNode process) {
      return process.keyBy();
    }
    if (node instanceof NodeSpec.JoinNode join) {
      return Optional.of(input == 0 ? join.leftKey() : join.rightKey());
    }
    if (node instanceof NodeSpec.LookupJoinNode lookup) {
      return Optional.of(input == 0 ? lookup.leftKey() : lookup.rightKey());
    }
    return Optional.empty();
  }

  /** Nodes whose input is partitioned by key (and which may keep keyed state). */
  static boolean isKeyed(NodeSpec node) {
    return node instanceof NodeSpec.KeyByNode
        || node instanceof NodeSpec.WindowAggregateNode
        || node instanceof NodeSpec.DeduplicateNode
        || node instanceof NodeSpec.ProcessNode
        || node instanceof NodeSpec.JoinNode
        || node instanceof NodeSpec.LookupJoinNode;
  }
}
