package io.millrace.spec.model;

import io.millrace.spec.expr.FieldType;
import java.time.Duration;
import java.util.Optional;

/**
 * One piece of keyed state of a {@code process} node. Its name is a variable in the node's
 * expressions and, with the node id, its address in checkpoints (DESIGN.md §8.1).
 */
public record ProcessState(String name, Kind kind, FieldType type, Optional<Duration> ttl) {

  public enum Kind {
    VALUE,
    LIST,
    MAP;

    public static Kind of(String word) {
      return SpecEnums.of(Kind.class, word);
    }
  }
}
