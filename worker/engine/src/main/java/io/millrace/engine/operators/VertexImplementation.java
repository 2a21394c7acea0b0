package io.millrace.engine.operators;

import io.millrace.engine.api.StreamOperator;
import io.millrace.engine.connector.Sink;
import io.millrace.engine.connector.Source;

/** What runs a plan vertex: an operator (transforms), or a source or sink connector. */
public sealed interface VertexImplementation {

  /** A transform: one operator instance per subtask (create one per subtask with the factory). */
  record Operator(StreamOperator operator) implements VertexImplementation {}

  /** A source node: the connector, shared by the node's subtasks. */
  record SourceConnector(Source<?> source) implements VertexImplementation {}

  /** A sink node: the connector, shared by the node's subtasks. */
  record SinkConnector(Sink<?> sink) implements VertexImplementation {}
}
