package io.millrace.engine.connector;

/** A piece of a source's input read by one subtask (a Kafka partition), including its position. */
public interface SourceSplit {

  /** Stable id of the split (for logs and assignment); the position is not part of it. */
  String splitId();
}
