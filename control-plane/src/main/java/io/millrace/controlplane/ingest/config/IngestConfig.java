package io.millrace.controlplane.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** HTTP ingest limits and the topics it creates. Every key is documented here; the README lists them. */
@ConfigMapping(prefix = "millrace.ingest")
public interface IngestConfig {

    /** Largest request body in bytes; a larger one is refused with 413 and nothing is written. */
    @WithDefault("4194304")
    long maxRequestSize();

    /**
     * Largest single record (its compact JSON) in bytes; a larger one is refused with 413 and nothing of the request
     * is written. Keep it below the brokers' {@code message.max.bytes} (default 1 MB including batch overhead).
     */
    @WithDefault("1000000")
    long maxRecordSize();

    /** Partitions of a stream topic created on the first write (the most parallel http-source reading it). */
    @WithDefault("3")
    int topicPartitions();

    /** Replication factor of a created stream topic (1 on a single-broker local cluster). */
    @WithDefault("1")
    short topicReplicationFactor();

    /** How long a request waits for Kafka (topic creation, every record's acknowledgement) before answering 503. */
    @WithDefault("30s")
    Duration ackTimeout();
}
