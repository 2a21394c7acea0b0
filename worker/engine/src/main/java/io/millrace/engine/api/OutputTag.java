package io.millrace.engine.api;

import java.util.Objects;

/**
 * Names a side output of an operator. The names are the spec's: a downstream node reads it with
 * {@code inputs: [<node>.<name>]} (the plan's {@code JobEdge.sourceOutput}).
 */
public record OutputTag(String name) {

  /** Records that arrived after their window closed ({@code window-aggregate} with {@code lateOutput}). */
  public static final OutputTag LATE = new OutputTag("late");

  /** Records whose expression failed, with the reason (see {@link DeadLetters}). */
  public static final OutputTag DEAD_LETTER = new OutputTag("dead-letter");

  public OutputTag {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.equals("main")) {
      throw new IllegalArgumentException("a side output needs a name other than 'main', was '" + name + "'");
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
