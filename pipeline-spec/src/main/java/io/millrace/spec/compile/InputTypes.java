package io.millrace.spec.compile;

import io.millrace.spec.catalog.SideOutput;
import io.millrace.spec.expr.RecordType;
import io.millrace.spec.model.InputRef;
import io.millrace.spec.model.NodeSpec;
import io.millrace.spec.model.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The record type arriving through each input of a node, from the validator's output type per node
 * (the same rules as its type flow): a main output carries the upstream's output type, a {@code
 * late} output the window's own input records, a {@code dead-letter} output the dynamic {reason,
 * record, node} envelope. A source's single entry is the type it emits. Unknown → dynamic.
 */
final class InputTypes {

  private final Spec spec;
  private final Map<String, RecordType> outputTypes;

  InputTypes(Spec spec, Map<String, RecordType> outputTypes) {
    this.spec = spec;
    this.outputTypes = outputTypes;
  }

  List<RecordType> of(NodeSpec node) {
    if (outputTypes.isEmpty()) {
      return List.of();
    }
    if (node.inputs().isEmpty()) {
      return List.of(outputOf(node.id()));
    }
    List<RecordType> types = new ArrayList<>(node.inputs().size());
    for (InputRef input : node.inputs()) {
      types.add(typeOf(input, 0));
    }
    return types;
  }

  private RecordType typeOf(InputRef input, int depth) {
    String output = input.output().orElse(null);
    if (output == null) {
      return outputOf(input.nodeId());
    }
    if (output.equals(SideOutput.LATE) && depth < spec.nodes().size()) {
      return spec.node(input.nodeId())
          .filter(upstream -> !upstream.inputs().isEmpty())
          .map(upstream -> typeOf(upstream.inputs().get(0), depth + 1))
          .orElse(RecordType.dynamicRecord());
    }
    return RecordType.dynamicRecord();
  }

  private RecordType outputOf(String nodeId) {
    return outputTypes.getOrDefault(nodeId, RecordType.dynamicRecord());
  }
}
