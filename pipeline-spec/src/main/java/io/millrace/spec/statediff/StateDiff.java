package io.millrace.spec.statediff;

import java.util.List;

/**
 * The per-node state diff between two versions of a pipeline: nodes of the new version in spec
 * order, then the nodes only the old version had.
 */
public record StateDiff(List<NodeStateChange> nodes) {

  public StateDiff {
    nodes = List.copyOf(nodes);
  }

  /** True when deploying would drop some state: the deploy needs an explicit confirmation. */
  public boolean dropsState() {
    return nodes.stream().anyMatch(n -> n.change() == Change.DROPPED);
  }

  /** The nodes whose state would be dropped. */
  public List<NodeStateChange> dropped() {
    return nodes.stream().filter(n -> n.change() == Change.DROPPED).toList();
  }

  /** The change of one node, if either version has it. */
  public java.util.Optional<NodeStateChange> node(String nodeId) {
    return nodes.stream().filter(n -> n.nodeId().equals(nodeId)).findFirst();
  }
}
