package io.millrace.connector.kafka.source;

import java.time.Instant;

/** Where a source starts when there is no checkpoint to restore ({@code startFrom}). */
sealed interface StartFrom {

  record Earliest() implements StartFrom {}

  record Latest() implements StartFrom {}

  /** The consumer group's committed offsets; partitions the group never committed start at the earliest offset. */
  record Committed() implements StartFrom {}

  /** The first record whose timestamp is at or after {@code at}; partitions with none start at the end. */
  record AtTimestamp(Instant at) implements StartFrom {}
}
