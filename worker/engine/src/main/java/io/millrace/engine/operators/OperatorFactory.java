package io.millrace.engine.operators;

import io.millrace.engine.api.OperatorSetupException;
import io.millrace.engine.api.StreamOperator;
import io.millrace.engine.operators.dedup.DeduplicateOperator;
import io.millrace.engine.operators.process.ProcessOperator;
import io.millrace.engine.runtime.VertexOperatorFactory;
import io.millrace.spec.catalog.BuiltinNodeKinds;
import io.millrace.spec.plan.JobVertex;

/**
 * Plan vertex (kind + settings, as {@code SpecCompiler} writes them) → what runs it, for every node
 * built-in transform kind of the catalog: a NEW operator instance per call (one per subtask).
 * Source and sink kinds are not operators: the runtime finds their connectors in {@link
 * io.millrace.engine.runtime.Connectors} (bound by node id or registered by kind).
 *
 * <ul>
 *   <li>{@code window-aggregate} → {@code SlicedWindowOperator} (tumbling, sliding) or {@code
 *       SessionWindowOperator};
 *   <li>{@code join} → {@code WindowJoinOperator} / {@code IntervalJoinOperator}; {@code lookup-join}
 *       → {@code LookupJoinOperator};
 *   <li>{@code deduplicate} → {@code DeduplicateOperator}; {@code process} → {@code ProcessOperator};
 *   <li>{@code map}, {@code filter}, {@code flat-map}, {@code key-by}, {@code union} → the runtime's
 *       basic operators ({@link io.millrace.engine.operators.basic.BasicOperators}).
 * </ul>
 *
 * A setting the operator cannot use is an {@link OperatorSetupException} naming node and setting.
 */
public final class OperatorFactory implements VertexOperatorFactory {

  private final io.millrace.engine.operators.basic.BasicOperators basic = new io.millrace.engine.operators.basic.BasicOperators();

  /** The factory of every built-in transform kind. */
  public static OperatorFactory standard() {
    return new OperatorFactory();
  }

  /** A new, unopened operator instance for a built-in transform vertex (one per subtask). */
  @Override
  public StreamOperator create(JobVertex vertex) {
    Settings settings = new Settings(vertex.id(), vertex.settings());
    return switch (vertex.kind()) {
      case BuiltinNodeKinds.WINDOW_AGGREGATE -> WindowOperators.windowAggregate(settings);
      case BuiltinNodeKinds.JOIN -> WindowOperators.join(settings);
      case BuiltinNodeKinds.LOOKUP_JOIN -> WindowOperators.lookupJoin(settings);
      case BuiltinNodeKinds.DEDUPLICATE -> new DeduplicateOperator(settings.durationMillis("ttl"));
      case BuiltinNodeKinds.PROCESS -> new ProcessOperator();
      case BuiltinNodeKinds.MAP, BuiltinNodeKinds.FILTER, BuiltinNodeKinds.FLAT_MAP, BuiltinNodeKinds.KEY_BY,
          BuiltinNodeKinds.UNION -> basic.create(vertex);
      default -> throw new OperatorSetupException(vertex.id(), "'" + vertex.kind() + "' is not a built-in operator"
          + " kind; a source or sink kind needs its connector (register it with Connectors.withSourceKind /"
          + " withSinkKind, or bind one to the node)");
    };
  }

  static boolean isBuiltin(String kind) {
    return BuiltinNodeKinds.all().stream().anyMatch(k -> k.name().equals(kind));
  }
}
