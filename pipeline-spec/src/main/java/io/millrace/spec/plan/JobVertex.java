package io.millrace.spec.plan;

import java.util.Map;
import java.util.Objects;

/**
 * One operator of the logical job graph: one node of the spec.
 *
 * @param id the spec node id: the stable identity that addresses this operator's state in
 *     checkpoints and savepoints, so it must never be derived from position or generated
 * @param kind the operator kind (the spec node type, e.g. {@code kafka-source}, {@code filter})
 * @param parallelism number of parallel subtasks, 1..maxParallelism
 * @param keyed true if the operator's input is partitioned by key (it may keep keyed state)
 * @param settings the node's type-specific settings as JSON-compatible values
 */
public record JobVertex(
    String id, String kind, int parallelism, boolean keyed, Map<String, Object> settings) {

  public JobVertex {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    if (parallelism < 1) {
      throw new IllegalArgumentException("vertex " + id + ": parallelism must be >= 1, was " + parallelism);
    }
    settings = settings == null ? Map.of() : JsonValues.normalizeMap(settings);
  }
}
