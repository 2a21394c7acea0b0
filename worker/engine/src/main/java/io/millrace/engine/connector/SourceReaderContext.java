package io.millrace.engine.connector;

import io.millrace.engine.api.ProcessingTimeService;
import java.util.Map;

/**
 * @param nodeId the source node id
 * @param subtaskIndex this reader's subtask
 * @param parallelism the source's parallelism
 * @param settings the node's settings from the plan
 * @param clock processing time
 */
public record SourceReaderContext(String nodeId, int subtaskIndex, int parallelism,
    Map<String, Object> settings, ProcessingTimeService clock) {}
