package io.millrace.engine.connector;

/** Where a reader hands the records it read; the task assigns event time and watermarks. */
public interface ReaderOutput {

  /** A record with the source's own timestamp (e.g. Kafka's), or {@code StreamRecord.NO_TIMESTAMP}. */
  void collect(Object value, long timestamp);
}
