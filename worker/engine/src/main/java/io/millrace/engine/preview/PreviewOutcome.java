package io.millrace.engine.preview;

import java.util.List;
import java.util.Map;

/**
 * What a preview produced.
 *
 * @param nodes per output: a node id for its main output, {@code <node>.<output>} for a side output (e.g.
 *     {@code counts.late}); every node of the plan has an entry, also when it emitted nothing
 * @param errors failures located on nodes: each distinct dead-letter reason, or the failure that stopped the run
 * @param deadLetters the dead-letter records as JSON (node, reason, record when configured), at most
 *     {@code maxRecordsPerNode}
 * @param elapsedMillis wall time of the run
 * @param limitHit the time limit cancelled the run: outputs are partial
 */
public record PreviewOutcome(Map<String, NodeOutput> nodes, List<NodeError> errors, List<String> deadLetters,
    long elapsedMillis, boolean limitHit) {

  public PreviewOutcome {
    nodes = Map.copyOf(nodes);
    errors = List.copyOf(errors);
    deadLetters = List.copyOf(deadLetters);
  }

  /** What one node output emitted: the first records as JSON, how many in all, whether some were left out. */
  public record NodeOutput(List<String> records, long count, boolean truncated) {
    public NodeOutput {
      records = List.copyOf(records);
    }
  }

  /** A failure on a node ({@code nodeId} null when it cannot be located). */
  public record NodeError(String nodeId, String message) {}
}
