package io.millrace.engine.connector.datagen;

/**
 * Makes the record of one position of the event sequence. Implementations are immutable and
 * shared; the per-reader mutable part is the {@link EventRandom} they are handed.
 */
interface RecordGenerator {

  /** The record at {@code index}, or null when this position holds no record of the selected stream. */
  Object generate(long index, EventRandom random);

  /** The seed every event's random numbers derive from. */
  long seed();

  /** Event time of the record at {@code index}, epoch milliseconds (the connector timestamp). */
  long timestampMillis(long index);
}
