package io.millrace.engine.state;

import java.util.Objects;

/**
 * The address of one declared state in a snapshot (DESIGN.md §8): the control plane compares these
 * between two pipeline versions to tell kept, compatible and dropped state per node.
 *
 * @param nodeId the plan vertex (spec node id) owning the state
 * @param name the state name, unique within the node
 * @param kind the state kind
 * @param serializerVersion {@link StateDescriptor#serializerVersion()}
 */
public record StateMetaInfo(String nodeId, String name, StateKind kind, int serializerVersion) {

  public StateMetaInfo {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  /** {@code nodeId/name}: the identity of the state regardless of kind and version. */
  public String qualifiedName() {
    return nodeId + "/" + name;
  }
}
