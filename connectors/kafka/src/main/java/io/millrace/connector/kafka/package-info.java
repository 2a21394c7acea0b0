/**
 * The Kafka connector module: {@link io.millrace.connector.kafka.KafkaConnectors} registers the
 * {@code kafka-source} ({@code .source}) and {@code kafka-sink} ({@code .sink}) kinds with the engine;
 * {@code .format} holds the message formats both use. Written directly on kafka-clients. Shared here:
 * {@link io.millrace.connector.kafka.BrokerLiveness} and {@link io.millrace.connector.kafka.BackgroundProbe}
 * (cluster calls off the task thread; a cluster silent for {@code unreachableTimeout} fails the task with
 * {@link io.millrace.connector.kafka.KafkaUnreachableException}).
 */
package io.millrace.connector.kafka;
