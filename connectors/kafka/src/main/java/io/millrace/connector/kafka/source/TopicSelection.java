package io.millrace.connector.kafka.source;

import java.util.List;
import java.util.regex.Pattern;

/** Which topics a source reads: named ones, or every topic whose name matches a pattern. */
sealed interface TopicSelection {

  /** {@code topic} or {@code topics}: each must exist (checked at start). */
  record Named(List<String> topics) implements TopicSelection {
    public Named {
      topics = List.copyOf(topics);
    }
  }

  /** {@code topicPattern}: the whole name must match; topics created later are found by discovery. */
  record Matching(Pattern pattern) implements TopicSelection {}

  default String describe() {
    return this instanceof Matching matching ? "topics matching /" + matching.pattern().pattern() + "/"
        : "topics " + ((Named) this).topics();
  }
}
