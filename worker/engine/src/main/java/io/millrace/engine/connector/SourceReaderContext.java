package io.millrace.engine.connector;

import io.millrace.engine.api.OperatorMetrics;
import io.millrace.engine.api.ProcessingTimeService;
import io.millrace.engine.runtime.task.SimpleOperatorMetrics;
import java.util.Map;

/**
 * @param nodeId the source node id
 * @param subtaskIndex this reader's subtask
 * @param parallelism the source's parallelism
 * @param settings the node's settings from the plan
 * @param clock processing time
 * @param metrics the source subtask's counters and gauges (e.g. a Kafka reader's consumer lag); gauges are read
 *     from the metrics reporter's thread, so their suppliers must be thread-safe
 */
public record SourceReaderContext(String nodeId, int subtaskIndex, int parallelism,
    Map<String, Object> settings, ProcessingTimeService clock, OperatorMetrics metrics) {

  /** A context whose metrics nobody reads (unit tests of readers). */
  public SourceReaderContext(String nodeId, int subtaskIndex, int parallelism, Map<String, Object> settings,
      ProcessingTimeService clock) {
    this(nodeId, subtaskIndex, parallelism, settings, clock, new SimpleOperatorMetrics());
  }
}
