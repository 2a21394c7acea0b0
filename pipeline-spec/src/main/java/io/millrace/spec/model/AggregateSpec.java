package io.millrace.spec.model;

import java.util.Optional;

/** One aggregate of a window-aggregate: its output field {@code name}, function and input. */
public record AggregateSpec(String name, Fn fn, Optional<String> field, Optional<String> expression) {

  public enum Fn {
    COUNT,
    SUM,
    AVG,
    MIN,
    MAX,
    FIRST,
    LAST,
    REDUCE;

    public static Fn of(String word) {
      return SpecEnums.of(Fn.class, word);
    }
  }
}
