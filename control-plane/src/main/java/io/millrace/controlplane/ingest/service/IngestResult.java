package io.millrace.controlplane.ingest.service;

/** What one request wrote: {@code accepted} records, every one acknowledged by Kafka, on {@code topic}. */
public record IngestResult(String stream, String topic, int accepted) {
}
