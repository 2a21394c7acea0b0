package io.millrace.engine.preview;

import io.millrace.engine.connector.CollectionSource;
import io.millrace.engine.connector.Source;
import io.millrace.engine.connector.datagen.DatagenConnector;
import io.millrace.engine.connector.datagen.DatagenSource;
import io.millrace.engine.runtime.Connectors;
import io.millrace.spec.plan.JobGraph;
import io.millrace.spec.plan.JobVertex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The sandbox's connectors, bound by node id (no connector kind is registered, so nothing external can be built):
 * each source reads its samples, a {@code datagen-source} without samples generates a bounded number of records, and
 * every sink is a {@link CaptureSink}. A source of another kind without samples is refused before anything runs:
 * a preview must not read Kafka or wait for HTTP.
 */
final class PreviewSources {

  private PreviewSources() {}

  static Connectors bind(JobGraph graph, Map<String, List<String>> samples, PreviewLimits limits,
      PreviewCaptures captures) {
    List<String> sourceIds = graph.vertices().stream().filter(v -> graph.inputsOf(v.id()).isEmpty())
        .map(JobVertex::id).toList();
    for (String node : new TreeSet<>(samples.keySet())) {
      if (!sourceIds.contains(node)) {
        throw new PreviewException(node, "samples were given for '" + node + "', which is not a source node of this"
            + " pipeline; give samples for its sources: " + String.join(", ", sourceIds));
      }
    }
    Connectors connectors = Connectors.none();
    List<String> missing = new ArrayList<>();
    for (JobVertex vertex : graph.vertices()) {
      if (sourceIds.contains(vertex.id())) {
        Source<?> source = source(vertex, samples.get(vertex.id()), limits);
        if (source == null) {
          missing.add(vertex.id() + " (" + vertex.kind() + ")");
        } else {
          connectors = connectors.withSource(vertex.id(), capturing(vertex.id(), source, captures));
        }
      } else if (vertex.kind().endsWith("-sink")) {
        connectors = connectors.withSink(vertex.id(), new CaptureSink(vertex.id(), captures));
      }
    }
    if (!missing.isEmpty()) {
      String first = missing.get(0).substring(0, missing.get(0).indexOf(' '));
      throw new PreviewException(first, "upload samples for node" + (missing.size() > 1 ? "s " : " ")
          + String.join(", ", missing) + ": a preview never reads external systems; only datagen sources generate"
          + " records by themselves");
    }
    return connectors;
  }

  private static Source<?> source(JobVertex vertex, List<String> samples, PreviewLimits limits) {
    if (samples != null) {
      List<Object> values = new ArrayList<>(samples.size());
      for (int i = 0; i < samples.size(); i++) {
        values.add(SampleJson.decode(vertex.id(), i, samples.get(i)));
      }
      return CollectionSource.of(values, 1);
    }
    if (vertex.kind().equals(DatagenConnector.KIND)) {
      try {
        return DatagenSource.fromSettings(vertex.id(), vertex.settings())
            .withCount(limits.generatedRecordsPerSource()).withRate(0).withSplits(1);
      } catch (IllegalArgumentException badSetting) {
        throw new PreviewException(vertex.id(), badSetting.getMessage());
      }
    }
    return null;
  }

  private static <S extends io.millrace.engine.connector.SourceSplit> Source<S> capturing(String nodeId,
      Source<S> source, PreviewCaptures captures) {
    return new CapturingSource<>(nodeId, source, captures);
  }
}
