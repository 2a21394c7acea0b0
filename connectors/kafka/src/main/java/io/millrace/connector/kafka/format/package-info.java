/**
 * Message formats shared by the Kafka source and sink ({@code format: json | text | bytes}): decoding
 * never throws on bad input — it returns {@link io.millrace.connector.kafka.format.RecordFormat.Decoded.Malformed}
 * with a reason, which the source sends to the node's dead-letter output with topic, partition and
 * offset. Avro (with a schema registry) is not implemented yet.
 */
package io.millrace.connector.kafka.format;
