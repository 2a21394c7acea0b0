package io.millrace.spec.catalog;

/**
 * A named extra output of a node, referenced in {@code inputs} as {@code <nodeId>.<name>}.
 *
 * @param enabledBy a boolean setting that must be true for the output to exist, or null if it
 *     always exists
 */
public record SideOutput(String name, String description, String enabledBy) {

  public static final String LATE = "late";
  public static final String DEAD_LETTER = "dead-letter";
}
