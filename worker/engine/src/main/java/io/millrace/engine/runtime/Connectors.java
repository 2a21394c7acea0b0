package io.millrace.engine.runtime;

import io.millrace.engine.connector.Sink;
import io.millrace.engine.connector.Source;
import java.util.Map;

/**
 * The connector instance of each source and sink node of a job, by node id. (The worker builds them
 * from the node settings through the connector modules; tests bind in-memory ones.)
 */
public record Connectors(Map<String, Source<?>> sources, Map<String, Sink<?>> sinks) {
  public Connectors {
    sources = Map.copyOf(sources);
    sinks = Map.copyOf(sinks);
  }
}
