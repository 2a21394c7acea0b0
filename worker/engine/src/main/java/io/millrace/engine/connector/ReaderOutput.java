package io.millrace.engine.connector;

/** Where a reader hands the records it read; the task assigns event time and watermarks. */
public interface ReaderOutput {

  /** A record with the source's own timestamp (e.g. Kafka's), or {@code StreamRecord.NO_TIMESTAMP}. */
  void collect(Object value, long timestamp);

  /**
   * Input the reader could not turn into a record (e.g. malformed JSON): it goes to the source node's
   * {@code dead-letter} output with {@code reason} (under {@code deadLetter.onError: fail} it fails
   * the task instead), so bad input never stops the job silently and never disappears. {@code value}
   * is what the reader can say about the input (e.g. its raw text and position).
   */
  default void deadLetter(Object value, long timestamp, String reason) {
    throw new UnsupportedOperationException("this reader output has no dead-letter path: " + reason);
  }
}
