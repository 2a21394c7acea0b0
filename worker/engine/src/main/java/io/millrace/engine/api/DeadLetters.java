package io.millrace.engine.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the record sent to a node's {@link OutputTag#DEAD_LETTER} output: a map with the failing
 * {@code node}, the {@code reason} and (when the node's {@code deadLetter.includeRecord} is true) the
 * original {@code record} value. Key and timestamp of the failed record are kept.
 */
public final class DeadLetters {

  public static final String NODE = "node";
  public static final String REASON = "reason";
  public static final String RECORD = "record";

  private DeadLetters() {}

  public static StreamRecord of(String nodeId, StreamRecord failed, String reason, boolean includeRecord) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put(NODE, nodeId);
    value.put(REASON, reason);
    if (includeRecord) {
      value.put(RECORD, failed.value());
    }
    return new StreamRecord(value, failed.key(), failed.timestamp());
  }
}
