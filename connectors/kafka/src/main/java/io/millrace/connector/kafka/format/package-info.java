/**
 * Message formats shared by the Kafka source and sink ({@code format: json | text | bytes | avro}): decoding
 * never throws on bad input — it returns {@link io.millrace.connector.kafka.format.RecordFormat.Decoded.Malformed}
 * with a reason, which the source sends to the node's dead-letter output with topic, partition and
 * offset. Avro: {@link io.millrace.connector.kafka.format.AvroFormat} (inline schema, plain binary) and
 * {@link io.millrace.connector.kafka.format.ConfluentAvroFormat} (schema registry wire format, through
 * {@link io.millrace.connector.kafka.format.SchemaRegistryClient} over {@code java.net.http}).
 */
package io.millrace.connector.kafka.format;
