package io.millrace.engine.runtime;

import io.millrace.engine.connector.Sink;
import io.millrace.engine.connector.Source;
import io.millrace.spec.plan.JobGraph;
import io.millrace.spec.plan.JobVertex;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one place the engine finds the connector of a source or sink node: bound by node id (tests,
 * a worker that built it itself) or made from the node's vertex by the factory registered for its
 * kind ({@code kafka-source}, {@code datagen-source}, ...) — the registration point of connector
 * modules. A node binding wins over its kind. Immutable: {@code with...} returns a copy.
 *
 * <pre>{@code
 * Connectors connectors = Connectors.none()
 *     .withSourceKind("datagen-source", vertex -> DatagenSource.fromSettings(vertex))
 *     .withSink("out", new CollectingSink());
 * }</pre>
 */
public final class Connectors {

  /** Makes the source of one node (shared by the node's subtasks) from its vertex: kind, settings, types. */
  @FunctionalInterface
  public interface SourceFactory {
    Source<?> create(JobVertex vertex);
  }

  /** Makes the sink of one node (shared by the node's subtasks) from its vertex. */
  @FunctionalInterface
  public interface SinkFactory {
    Sink<?> create(JobVertex vertex);
  }

  private final Map<String, Source<?>> sources;
  private final Map<String, Sink<?>> sinks;
  private final Map<String, SourceFactory> sourceKinds;
  private final Map<String, SinkFactory> sinkKinds;

  /** Connectors bound by node id only. */
  public Connectors(Map<String, Source<?>> sources, Map<String, Sink<?>> sinks) {
    this(sources, sinks, Map.of(), Map.of());
  }

  private Connectors(Map<String, Source<?>> sources, Map<String, Sink<?>> sinks,
      Map<String, SourceFactory> sourceKinds, Map<String, SinkFactory> sinkKinds) {
    this.sources = Map.copyOf(sources);
    this.sinks = Map.copyOf(sinks);
    this.sourceKinds = Map.copyOf(sourceKinds);
    this.sinkKinds = Map.copyOf(sinkKinds);
  }

  /** No connector at all. */
  public static Connectors none() {
    return new Connectors(Map.of(), Map.of());
  }

  /** Sources bound by node id. */
  public Map<String, Source<?>> sources() {
    return sources;
  }

  /** Sinks bound by node id. */
  public Map<String, Sink<?>> sinks() {
    return sinks;
  }

  public Connectors withSource(String nodeId, Source<?> source) {
    return new Connectors(put(sources, nodeId, source), sinks, sourceKinds, sinkKinds);
  }

  public Connectors withSink(String nodeId, Sink<?> sink) {
    return new Connectors(sources, put(sinks, nodeId, sink), sourceKinds, sinkKinds);
  }

  /** Registers (or replaces) the factory of a source kind. */
  public Connectors withSourceKind(String kind, SourceFactory factory) {
    return new Connectors(sources, sinks, put(sourceKinds, kind, factory), sinkKinds);
  }

  /** Registers (or replaces) the factory of a sink kind. */
  public Connectors withSinkKind(String kind, SinkFactory factory) {
    return new Connectors(sources, sinks, sourceKinds, put(sinkKinds, kind, factory));
  }

  /** Everything bound here, plus {@code other}'s bindings and kinds (other wins on a clash). */
  public Connectors with(Connectors other) {
    Connectors merged = this;
    for (var e : other.sources.entrySet()) {
      merged = merged.withSource(e.getKey(), e.getValue());
    }
    for (var e : other.sinks.entrySet()) {
      merged = merged.withSink(e.getKey(), e.getValue());
    }
    for (var e : other.sourceKinds.entrySet()) {
      merged = merged.withSourceKind(e.getKey(), e.getValue());
    }
    for (var e : other.sinkKinds.entrySet()) {
      merged = merged.withSinkKind(e.getKey(), e.getValue());
    }
    return merged;
  }

  /**
   * The connector of every source and sink node of {@code graph}, bound by node id: each kind
   * factory is called once per node, so all subtasks of a node (and sink recovery) share one
   * instance. A source node is a vertex without inputs. Nodes with no connector stay unbound; the
   * task builder reports them with the node id.
   */
  public Connectors bind(JobGraph graph) {
    Map<String, Source<?>> boundSources = new HashMap<>(sources);
    Map<String, Sink<?>> boundSinks = new HashMap<>(sinks);
    for (JobVertex vertex : graph.vertices()) {
      if (boundSources.containsKey(vertex.id()) || boundSinks.containsKey(vertex.id())) {
        continue;
      }
      boolean hasInputs = graph.edges().stream().anyMatch(e -> e.target().equals(vertex.id()));
      SourceFactory source = hasInputs ? null : sourceKinds.get(vertex.kind());
      SinkFactory sink = sinkKinds.get(vertex.kind());
      if (source != null) {
        boundSources.put(vertex.id(), Objects.requireNonNull(source.create(vertex),
            () -> "source factory of kind " + vertex.kind() + " returned null for node " + vertex.id()));
      } else if (sink != null) {
        boundSinks.put(vertex.id(), Objects.requireNonNull(sink.create(vertex),
            () -> "sink factory of kind " + vertex.kind() + " returned null for node " + vertex.id()));
      }
    }
    return new Connectors(boundSources, boundSinks, sourceKinds, sinkKinds);
  }

  private static <V> Map<String, V> put(Map<String, V> map, String key, V value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Map<String, V> copy = new HashMap<>(map);
    copy.put(key, value);
    return copy;
  }
}
