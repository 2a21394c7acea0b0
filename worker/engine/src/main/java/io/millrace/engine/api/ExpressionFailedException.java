package io.millrace.engine.api;

/** A record's expression failed on a node whose {@code deadLetter.onError} is {@code fail}. */
public class ExpressionFailedException extends RuntimeException {

  public ExpressionFailedException(String nodeId, String expression, String reason) {
    super("node '" + nodeId + "': expression `" + expression + "` failed: " + reason
        + " (set deadLetter.onError: route to send such records to '" + nodeId + ".dead-letter')");
  }
}
