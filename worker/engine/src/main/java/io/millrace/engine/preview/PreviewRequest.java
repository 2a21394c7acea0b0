package io.millrace.engine.preview;

import io.millrace.spec.plan.PhysicalPlan;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to preview.
 *
 * @param previewId for logs
 * @param plan the validated plan (its parallelism is ignored: a preview runs every node with one subtask)
 * @param samples JSON documents per source node id (an object per record for json sources, a string for text)
 * @param limits the sandbox's bounds
 */
public record PreviewRequest(String previewId, PhysicalPlan plan, Map<String, List<String>> samples,
    PreviewLimits limits) {

  public PreviewRequest {
    Objects.requireNonNull(previewId, "previewId");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(limits, "limits");
    samples = samples == null ? Map.of() : Map.copyOf(samples);
  }
}
