package io.millrace.spec.plan;

import io.millrace.spec.expr.RecordType;
import java.util.List;
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
 * @param inputTypes the record type arriving through each input, by input index (a join's left is
 *     0, right is 1); for a source, the one entry is the type of the records it emits (what its
 *     watermark expression reads). Empty when unknown (a plan written before types were carried):
 *     every input is then dynamic, which is always correct, only slower.
 */
public record JobVertex(
    String id, String kind, int parallelism, boolean keyed, Map<String, Object> settings,
    List<RecordType> inputTypes) {

  public JobVertex {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    if (parallelism < 1) {
      throw new IllegalArgumentException("vertex " + id + ": parallelism must be >= 1, was " + parallelism);
    }
    settings = settings == null ? Map.of() : JsonValues.normalizeMap(settings);
    inputTypes = inputTypes == null ? List.of() : List.copyOf(inputTypes);
  }

  /** A vertex whose input record types are unknown (dynamic). */
  public JobVertex(String id, String kind, int parallelism, boolean keyed, Map<String, Object> settings) {
    this(id, kind, parallelism, keyed, settings, List.of());
  }

  /** The type of the records arriving through input {@code index}; dynamic when the plan does not say. */
  public RecordType inputType(int index) {
    return index >= 0 && index < inputTypes.size() ? inputTypes.get(index) : RecordType.dynamicRecord();
  }
}
