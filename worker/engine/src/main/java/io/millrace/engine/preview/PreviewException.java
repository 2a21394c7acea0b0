package io.millrace.engine.preview;

/**
 * The preview cannot run at all (a source without samples that may not be touched, malformed sample JSON, an
 * operator that cannot be set up). The message is written for the user who asked for the preview; {@code nodeId}
 * locates it when it concerns one node.
 */
public class PreviewException extends RuntimeException {

  private final String nodeId;

  public PreviewException(String nodeId, String message) {
    super(message);
    this.nodeId = nodeId;
  }

  /** The node concerned, or null. */
  public String nodeId() {
    return nodeId;
  }
}
