package io.millrace.spec.statediff;

import java.util.Objects;

/**
 * One setting that shapes a declared state, with its value in this version, e.g. {@code window =
 * "tumbling 10s"}.
 *
 * @param name what the setting is, in the user's words ("window", "key", "ttl")
 * @param value its value in this version, as spec text
 * @param ifChanged what a change of it means for the stored state, completing "X changed from a to
 *     b: ..." (e.g. "the open windows' contents cannot be re-sliced")
 */
public record StateFactor(String name, String value, String ifChanged) {

  public StateFactor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(ifChanged, "ifChanged");
  }
}
