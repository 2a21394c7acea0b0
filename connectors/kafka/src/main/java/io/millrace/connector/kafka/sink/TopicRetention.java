package io.millrace.connector.kafka.sink;

import java.util.OptionalLong;

/**
 * How long the broker keeps a message of a topic measured from the message's own timestamp, as far as
 * the writer knows it: the sink stamps messages with the record's EVENT time, so output of old data
 * (a backfill, a replay, test data) can be older than the topic's {@code retention.ms} the moment it
 * arrives — the broker then deletes it at its next retention check although every send succeeded.
 */
interface TopicRetention {

  /**
   * The topic's time retention in ms, or empty when unknown yet (looked up asynchronously) or when
   * message timestamps cannot expire it: {@code retention.ms} &lt; 0, no {@code delete} cleanup policy,
   * or {@code message.timestamp.type=LogAppendTime} (the broker replaces our timestamp). Never blocks.
   */
  OptionalLong retentionMs(String topic);

  /** Releases the lookup's client. */
  default void close() {}
}
