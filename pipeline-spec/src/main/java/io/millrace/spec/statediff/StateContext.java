package io.millrace.spec.statediff;

import io.millrace.spec.model.InputRef;
import io.millrace.spec.model.NodeSpec;
import io.millrace.spec.model.Spec;
import java.util.Objects;
import java.util.Optional;

/** The pipeline a node's states are declared in. */
public record StateContext(Spec spec) {

  public StateContext {
    Objects.requireNonNull(spec, "spec");
  }

  /**
   * The key expression a keyed node's state is stored under: its own {@code keyBy}, else the
   * expression of the {@code key-by} node feeding it (the validator guarantees one of them).
   */
  public String keyOf(NodeSpec node, Optional<String> ownKeyBy) {
    if (ownKeyBy.isPresent()) {
      return normalize(ownKeyBy.get());
    }
    for (InputRef input : node.inputs()) {
      Optional<NodeSpec> upstream = spec.node(input.nodeId());
      if (upstream.isPresent() && upstream.get() instanceof NodeSpec.KeyByNode keyBy) {
        return normalize(keyBy.expression());
      }
    }
    return "(unkeyed)";
  }

  /** Expression text without insignificant whitespace differences, for comparison and display. */
  static String normalize(String expression) {
    return expression.strip().replaceAll("\\s+", " ");
  }
}
