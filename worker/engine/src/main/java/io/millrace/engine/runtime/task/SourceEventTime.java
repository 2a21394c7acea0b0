package io.millrace.engine.runtime.task;

import io.millrace.spec.model.Durations;
import io.millrace.spec.plan.JobVertex;
import java.time.Duration;
import java.util.Map;

/**
 * A source's {@code watermark} setting: {@code timestamp} (CEL, optional: else the connector's
 * timestamp), {@code maxOutOfOrderness}, {@code idleTimeout}. Without the setting the source emits
 * no watermarks (only the final one at end of input).
 */
record SourceEventTime(boolean enabled, String timestampExpression, long maxOutOfOrdernessMillis,
    long idleTimeoutMillis) {

  static SourceEventTime fromSettings(JobVertex vertex) {
    if (!(vertex.settings().get("watermark") instanceof Map<?, ?> watermark)) {
      return new SourceEventTime(false, null, 0, 0);
    }
    Object timestamp = watermark.get("timestamp");
    return new SourceEventTime(true, timestamp == null ? null : timestamp.toString(),
        millis(vertex, watermark.get("maxOutOfOrderness")), millis(vertex, watermark.get("idleTimeout")));
  }

  private static long millis(JobVertex vertex, Object text) {
    if (text == null) {
      return 0;
    }
    return Durations.parse(text.toString()).map(Duration::toMillis).orElseThrow(() ->
        new IllegalArgumentException("node '" + vertex.id() + "': watermark duration '" + text
            + "' is not a spec duration like 500ms, 4s, 1m"));
  }
}
