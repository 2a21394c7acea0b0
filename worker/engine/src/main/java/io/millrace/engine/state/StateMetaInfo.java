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
 * @param layout {@link StateDescriptor#layout()}: how the operator arranged the stored entries (e.g. a
 *     window's slicing and aggregate slots); empty when the operator declares none or the snapshot
 *     predates layouts
 */
public record StateMetaInfo(String nodeId, String name, StateKind kind, int serializerVersion, String layout) {

  public StateMetaInfo {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    layout = layout == null ? "" : layout;
  }

  /** Without a layout. */
  public StateMetaInfo(String nodeId, String name, StateKind kind, int serializerVersion) {
    this(nodeId, name, kind, serializerVersion, "");
  }

  /**
   * Whether entries stored under {@code this} can be read as {@code declared}: same kind and serializer
   * version, and the same layout when both record one.
   */
  public boolean readableAs(StateMetaInfo declared) {
    return kind == declared.kind && serializerVersion == declared.serializerVersion
        && (layout.isEmpty() || declared.layout.isEmpty() || layout.equals(declared.layout));
  }

  /** "VALUE, serializer version 1, layout 'tumbling 10s; count'" for error messages. */
  public String describe() {
    return kind + ", serializer version " + serializerVersion + (layout.isEmpty() ? "" : ", layout '" + layout + "'");
  }

  /** {@code nodeId/name}: the identity of the state regardless of kind and version. */
  public String qualifiedName() {
    return nodeId + "/" + name;
  }
}
