/**
 * The {@code kafka-sink}: {@link io.millrace.connector.kafka.sink.KafkaSink} (exactly-once by
 * transactions committed on checkpoint completion, at-least-once by flushing at barriers, or none),
 * its committable and the process-wide {@link io.millrace.connector.kafka.sink.PreparedTransactions}.
 * {@code KafkaSink}'s Javadoc explains the protocol, the recovery rule and why commits go through the
 * live producer.
 */
package io.millrace.connector.kafka.sink;
