/**
 * The Kafka connector module: {@link io.millrace.connector.kafka.KafkaConnectors} registers the
 * {@code kafka-source} ({@code .source}) and {@code kafka-sink} ({@code .sink}) kinds with the engine;
 * {@code .format} holds the message formats both use. Written directly on kafka-clients.
 */
package io.millrace.connector.kafka;
