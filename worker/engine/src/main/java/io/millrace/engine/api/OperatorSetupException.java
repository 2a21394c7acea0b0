package io.millrace.engine.api;

/**
 * A node cannot be set up from its settings: says which node, which setting, why and how to fix it.
 * Thrown from {@link StreamOperator#open}; the job fails with it as the cause.
 */
public class OperatorSetupException extends RuntimeException {

  private final String nodeId;

  public OperatorSetupException(String nodeId, String message) {
    super("node '" + nodeId + "': " + message);
    this.nodeId = nodeId;
  }

  public String nodeId() {
    return nodeId;
  }
}
