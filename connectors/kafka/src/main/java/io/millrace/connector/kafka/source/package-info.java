/**
 * {@code kafka-source}: topic partitions as splits (position = next offset) spread over subtasks by the
 * engine's deterministic rule, start offsets resolved once per source, {@code read_committed}
 * consumers with explicit assignment, offsets committed to the group only when a checkpoint
 * completes, one discovery split whose owner adds new partitions, and a {@code bounded} mode for
 * tests and backfills. See the module README.
 */
package io.millrace.connector.kafka.source;
