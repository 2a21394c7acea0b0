package io.millrace.spec.statediff;

import io.millrace.spec.model.NodeSpec;
import java.util.List;

/**
 * What state a node of one kind keeps, as a function of its validated settings. Every node kind
 * declares one where it is defined ({@code NodeKindDescriptor#stateModel()}); the engine's
 * consistency test fails when an operator registers a state its kind does not declare.
 */
@FunctionalInterface
public interface NodeStateModel {

  /** Kinds that keep no state (map, filter, flat-map, key-by, union). */
  NodeStateModel STATELESS = (node, context) -> List.of();

  /**
   * The states a node keeps, in a stable order.
   *
   * @param node a node of this model's kind, from a validated spec
   * @param context the pipeline around it (for the effective key of a keyed node)
   */
  List<DeclaredState> states(NodeSpec node, StateContext context);
}
