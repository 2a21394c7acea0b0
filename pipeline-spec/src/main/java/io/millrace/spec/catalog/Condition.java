package io.millrace.spec.catalog;

import java.util.List;
import java.util.Set;

/**
 * A rule between settings of one object that a JSON Schema can also express ({@code if/then},
 * {@code oneOf}). Conditions are read by both the schema generator and the validator, so the two
 * cannot disagree.
 */
public sealed interface Condition {

  /**
   * {@code setting} is required when {@code when} has one of {@code values} (an absent {@code when}
   * counts as its default).
   */
  record RequiredWhen(String setting, String when, Set<String> values, String hint) implements Condition {
    public RequiredWhen {
      values = Set.copyOf(values);
    }
  }

  /** {@code setting} must be absent when {@code when} has one of {@code values}. */
  record ForbiddenWhen(String setting, String when, Set<String> values, String hint) implements Condition {
    public ForbiddenWhen {
      values = Set.copyOf(values);
    }
  }

  /** Exactly one of {@code settings} must be present. */
  record ExactlyOneOf(List<String> settings, String hint) implements Condition {
    public ExactlyOneOf {
      settings = List.copyOf(settings);
    }
  }

  /** At most one of {@code settings} may be present (none is fine). */
  record AtMostOneOf(List<String> settings, String hint) implements Condition {
    public AtMostOneOf {
      settings = List.copyOf(settings);
    }
  }
}
