package io.millrace.engine.connector;

import java.util.Map;

/**
 * @param nodeId the sink node id
 * @param subtaskIndex this writer's subtask
 * @param parallelism the sink's parallelism
 * @param settings the node's settings from the plan
 */
public record SinkWriterContext(String nodeId, int subtaskIndex, int parallelism, Map<String, Object> settings) {}
