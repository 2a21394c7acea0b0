package io.millrace.engine.connector.file;

import io.millrace.engine.runtime.Connectors;
import io.millrace.spec.plan.JobVertex;

/**
 * Registers {@code file-sink} by kind. The sink needs the job id and the attempt it runs in (see
 * {@link FileSink}: recovery deletes only leftovers of EARLIER attempts), so a worker registers it per
 * deployment:
 *
 * <pre>{@code
 * Connectors connectors = FileSinkConnector.register(base, jobId, attempt);
 * // or: base.withSinkKind(FileSinkConnector.KIND, vertex -> FileSinkConnector.fromVertex(vertex, jobId, attempt))
 * }</pre>
 *
 * Attempts must increase on every redeploy of the job (recovery, rescale, resume) and start at 1.
 */
public final class FileSinkConnector {

  public static final String KIND = "file-sink";

  private FileSinkConnector() {}

  /** The sink of one {@code file-sink} node, from its settings ({@code path}, {@code format}, {@code prefix}). */
  public static FileSink fromVertex(JobVertex vertex, String jobId, long attempt) {
    return new FileSink(jobId, attempt, vertex.id(), FileSinkSettings.of(vertex.id(), vertex.settings()));
  }

  /** {@code connectors} plus the file sink kind for one attempt of one job (a node bound by id still wins). */
  public static Connectors register(Connectors connectors, String jobId, long attempt) {
    return connectors.withSinkKind(KIND, vertex -> fromVertex(vertex, jobId, attempt));
  }
}
