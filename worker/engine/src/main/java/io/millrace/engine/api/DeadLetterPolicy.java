package io.millrace.engine.api;

import java.util.Map;

/**
 * A node's {@code deadLetter} setting: what to do with a record whose expression fails.
 *
 * @param failOnError {@code onError: fail} — fail the task (the restart strategy applies) instead of
 *     routing the record to the {@code dead-letter} output
 * @param includeRecord whether the dead-letter record carries the original value
 */
public record DeadLetterPolicy(boolean failOnError, boolean includeRecord) {

  public static final DeadLetterPolicy DEFAULT = new DeadLetterPolicy(false, true);

  /** Reads the {@code deadLetter} entry of a plan vertex's settings (absent: {@link #DEFAULT}). */
  public static DeadLetterPolicy fromSettings(Map<String, Object> settings) {
    if (!(settings.get("deadLetter") instanceof Map<?, ?> map)) {
      return DEFAULT;
    }
    boolean fail = "fail".equals(map.get("onError"));
    boolean include = !(map.get("includeRecord") instanceof Boolean b) || b;
    return new DeadLetterPolicy(fail, include);
  }
}
