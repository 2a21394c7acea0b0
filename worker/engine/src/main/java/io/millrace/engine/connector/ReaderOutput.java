package io.millrace.engine.connector;

/**
 * Where a reader hands the records it read; the task assigns event time and watermarks.
 *
 * <p><b>Splits and watermarks.</b> Records given to this output directly count as one input: the
 * watermark follows the highest timestamp seen over all of them. A reader of several splits whose
 * event times differ (Kafka partitions) hands each split's records to {@link #forSplit}: the task
 * keeps one watermark generator per split and emits the minimum over the splits that are not idle,
 * so a split that is behind is never late because another is ahead. Such a reader calls
 * {@code forSplit} for every split as soon as it owns it (before its first record: a split that has
 * produced nothing yet must hold the watermark back), and {@link #releaseSplit} when the split ended
 * or left it.
 */
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

  /**
   * The output for the records of split {@code splitId}, with its own watermark generator (same
   * {@code watermark} settings as the node); registers the split if it is new. Cheap to call per
   * poll; the same output may be kept until {@link #releaseSplit}. Without watermarks it is this
   * output.
   */
  default ReaderOutput forSplit(String splitId) {
    return this;
  }

  /**
   * Split {@code splitId} ended (a bounded split read to its end) or left this reader: it no longer
   * holds the watermark back. Its output must not be used afterwards ({@link #forSplit} again if it
   * comes back).
   */
  default void releaseSplit(String splitId) {}

  /**
   * This output's split has nothing to read for now: it stops holding the watermark back until its
   * next record. (Splits also become idle by themselves after the node's {@code watermark.idleTimeout}
   * without records.)
   */
  default void markIdle() {}
}
